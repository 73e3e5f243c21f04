namespace Lantai.Catalogue;

/// <summary>The components an archival code is rendered from and parsed into.</summary>
public sealed record ArchivalCodeParts
{
    public required string FondsCode { get; init; }

    public required string CategoryCode { get; init; }

    public required int Year { get; init; }

    public required string RetentionCode { get; init; }

    public string OrgUnitCode { get; init; } = "";

    public int? VolumeNumber { get; init; }

    public int? ItemNumber { get; init; }
}
