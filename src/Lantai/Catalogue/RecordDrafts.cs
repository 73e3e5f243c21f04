namespace Lantai.Catalogue;

/// <summary>Drafts made from stored records, for edits that change one thing (move into a volume, fix a field).</summary>
public static class RecordDrafts
{
    /// <summary>The record as a draft that, saved unchanged, changes nothing (the stored code is kept as received).</summary>
    public static RecordDraft From(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new RecordDraft
        {
            FondsCode = record.FondsCode,
            CategoryCode = record.CategoryCode,
            Year = record.Year,
            RetentionCode = record.RetentionCode,
            OrgUnitCode = record.OrgUnitCode,
            ItemNumber = record.ItemNumber,
            VolumeId = record.VolumeId,
            ArchivalCode = record.ArchivalCode,
            Title = record.Title,
            TitleSupplied = record.TitleSupplied,
            Author = record.Author,
            DocumentNumber = record.DocumentNumber,
            Date = record.Date,
            PageCount = record.PageCount,
            Classification = record.Classification,
            Carrier = record.Carrier,
            Remarks = record.Remarks,
            OpenStatus = record.OpenStatus,
        };
    }
}
