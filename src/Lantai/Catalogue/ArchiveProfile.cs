namespace Lantai.Catalogue;

/// <summary>The archive's own identity; one row. Its 6-digit administrative code is used in federation and exported identifiers.</summary>
public sealed class ArchiveProfile
{
    public int Id { get; set; } = 1;

    public required string Name { get; set; }

    /// <summary>Administrative division code, e.g. 150000 for the Inner Mongolia region.</summary>
    public required string Code { get; set; }

    public ArchiveLevel Level { get; set; } = ArchiveLevel.Banner;
}
