namespace Lantai.Catalogue;

/// <summary>What an archivist enters to set up a volume (案卷); its number is the next free one in its class unless given.</summary>
public sealed record VolumeDraft
{
    public required string FondsCode { get; init; }

    public string CategoryCode { get; init; } = "WS";

    public required int Year { get; init; }

    public required string RetentionCode { get; init; }

    public string OrgUnitCode { get; init; } = "";

    /// <summary>案卷号; null to take the next free number.</summary>
    public int? VolumeNumber { get; init; }

    public required string Title { get; init; }

    public string? Remarks { get; init; }

    public string Classification { get; init; } = "";
}
