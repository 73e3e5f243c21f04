namespace Lantai.Catalogue;

/// <summary>The fields of a record as the audit log keeps them before and after a change.</summary>
public sealed record RecordSnapshot(
    string ArchivalCode, string FondsCode, string CategoryCode, int Year, string RetentionCode, string OrgUnitCode, int ItemNumber,
    string Title, bool TitleSupplied, string? Author, string? DocumentNumber, DateOnly? Date, int? PageCount, string Classification,
    string? Carrier, string? Remarks, OpenStatus OpenStatus, Guid? VolumeId)
{
    public static RecordSnapshot Of(Record r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.ArchivalCode, r.FondsCode, r.CategoryCode, r.Year, r.RetentionCode, r.OrgUnitCode, r.ItemNumber, r.Title, r.TitleSupplied,
            r.Author, r.DocumentNumber, r.Date, r.PageCount, r.Classification, r.Carrier, r.Remarks, r.OpenStatus, r.VolumeId?.Value);
    }
}
