namespace Lantai.Preservation.Formats;

/// <summary>What <see cref="OfdInspector"/> learned of an OFD package.</summary>
public sealed record OfdInspection
{
    /// <summary>DocType of OFD.xml ("OFD" or "OFD-A").</summary>
    public string DocType { get; init; } = "OFD";

    public bool IsOfdA => string.Equals(DocType, "OFD-A", StringComparison.OrdinalIgnoreCase);

    public string? Title { get; init; }

    public DateOnly? CreationDate { get; init; }

    public int PageCount { get; init; }

    /// <summary>Why the package does not parse or resolve (Chinese, naming the part); empty when it does.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Fonts declared by name only (no FontFile): the reader must supply them.</summary>
    public IReadOnlyList<string> NamedFonts { get; init; } = [];

    public IReadOnlyList<OfdSignature> Signatures { get; init; } = [];
}
