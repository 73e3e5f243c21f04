namespace Lantai.Catalogue;

/// <summary>Which volumes to list; <see cref="Clearance"/> hides volumes classified above the viewer.</summary>
public sealed record VolumeFilter
{
    public string? FondsCode { get; init; }

    public string? CategoryCode { get; init; }

    public int? Year { get; init; }

    public string? RetentionCode { get; init; }

    /// <summary>Words in the volume's title or code.</summary>
    public string? Text { get; init; }

    public required int Clearance { get; init; }
}
