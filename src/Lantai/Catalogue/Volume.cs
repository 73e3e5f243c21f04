namespace Lantai.Catalogue;

/// <summary>卷: a volume with its own archival code, holding items numbered from 1 inside it.</summary>
public sealed class Volume
{
    public VolumeId Id { get; set; } = VolumeId.New();

    public FondsId FondsId { get; set; }

    public required string FondsCode { get; set; }

    public required string CategoryCode { get; set; }

    public int Year { get; set; }

    public required string RetentionCode { get; set; }

    public string OrgUnitCode { get; set; } = "";

    /// <summary>案卷号, unique inside fonds–category–year–retention–org unit.</summary>
    public int VolumeNumber { get; set; }

    public required string GroupKey { get; set; }

    public required string ArchivalCode { get; set; }

    public required string Title { get; set; }

    public string? Remarks { get; set; }

    public string Classification { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
