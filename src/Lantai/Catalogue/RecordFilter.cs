namespace Lantai.Catalogue;

/// <summary>Which records to list or export. <see cref="Clearance"/> limits the result to what the viewer may see.</summary>
public sealed record RecordFilter
{
    public FondsId? FondsId { get; init; }

    public string? FondsCode { get; init; }

    public string? CategoryCode { get; init; }

    public int? Year { get; init; }

    public int? YearFrom { get; init; }

    public int? YearTo { get; init; }

    public string? RetentionCode { get; init; }

    public string? OrgUnitCode { get; init; }

    public OpenStatus? OpenStatus { get; init; }

    public string? Classification { get; init; }

    public VolumeId? VolumeId { get; init; }

    public Guid? ImportId { get; init; }

    /// <summary>Words that must occur in the title, author or document number (a plain substring match; full-text search is separate).</summary>
    public string? Text { get; init; }

    /// <summary>The viewer's clearance rank; records classified above it are never returned.</summary>
    public required int Clearance { get; init; }
}
