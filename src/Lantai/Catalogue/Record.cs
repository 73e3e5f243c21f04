namespace Lantai.Catalogue;

/// <summary>
/// 件: one record at item level with every DA/T 22-2015 field. The archival code's components are stored as fields;
/// <see cref="ArchivalCode"/> is rendered from the fonds' template, or kept exactly as received for legacy codes.
/// </summary>
public sealed class Record
{
    public RecordId Id { get; set; } = RecordId.New();

    public FondsId FondsId { get; set; }

    /// <summary>全宗号, copied from the fonds so codes and filters need no join.</summary>
    public required string FondsCode { get; set; }

    /// <summary>门类 code (WS, KJ …).</summary>
    public required string CategoryCode { get; set; }

    /// <summary>年度.</summary>
    public int Year { get; set; }

    /// <summary>保管期限 code (Y, D30, D10).</summary>
    public required string RetentionCode { get; set; }

    /// <summary>机构(问题) code; empty when the creator arranges without org units.</summary>
    public string OrgUnitCode { get; set; } = "";

    /// <summary>The volume (案卷) holding this item, when arranged by volume.</summary>
    public VolumeId? VolumeId { get; set; }

    /// <summary>件号: runs from 1 inside the lowest class (<see cref="GroupKey"/>) without gaps.</summary>
    public int ItemNumber { get; set; }

    /// <summary>The lowest class the item is numbered in; unique together with <see cref="ItemNumber"/>.</summary>
    public required string GroupKey { get; set; }

    /// <summary>档号, unique in the archive.</summary>
    public required string ArchivalCode { get; set; }

    /// <summary>题名.</summary>
    public required string Title { get; set; }

    /// <summary>True when the archivist supplied the title; shown in [ ] in the filing catalogue.</summary>
    public bool TitleSupplied { get; set; }

    /// <summary>责任者.</summary>
    public string? Author { get; set; }

    /// <summary>文号.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>成文日期.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>页数.</summary>
    public int? PageCount { get; set; }

    /// <summary>密级 code from the classification list; empty for unclassified.</summary>
    public string Classification { get; set; } = "";

    /// <summary>载体 code from the carrier list.</summary>
    public string? Carrier { get; set; }

    /// <summary>备注.</summary>
    public string? Remarks { get; set; }

    public OpenStatus OpenStatus { get; set; } = OpenStatus.Unreviewed;

    /// <summary>The catalogue import that created the record, if any.</summary>
    public Guid? ImportId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two archivists editing the same record do not overwrite each other.</summary>
    public int Version { get; set; }
}
