namespace Lantai.Catalogue;

/// <summary>What an archivist enters to add or change a record. Texts are cleaned (trimmed, NFC) by the validator.</summary>
public sealed record RecordDraft
{
    public required string FondsCode { get; init; }

    public string CategoryCode { get; init; } = "WS";

    public required int Year { get; init; }

    public required string RetentionCode { get; init; }

    public string OrgUnitCode { get; init; } = "";

    /// <summary>件号; null to take the next free number in the group.</summary>
    public int? ItemNumber { get; init; }

    public VolumeId? VolumeId { get; init; }

    /// <summary>A legacy archival code to keep exactly as received; null to render it from the fonds' template.</summary>
    public string? ArchivalCode { get; init; }

    public required string Title { get; init; }

    public bool TitleSupplied { get; init; }

    public string? Author { get; init; }

    public string? DocumentNumber { get; init; }

    public DateOnly? Date { get; init; }

    public int? PageCount { get; init; }

    public string Classification { get; init; } = "";

    public string? Carrier { get; init; }

    public string? Remarks { get; init; }

    public OpenStatus OpenStatus { get; init; } = OpenStatus.Unreviewed;
}
