using Lantai.Catalogue;

namespace Lantai.Web.Api.Catalogue;

/// <summary>A record as the API shows it; <see cref="Version"/> is also sent as the ETag.</summary>
public sealed record RecordResponse(
    Guid Id, string ArchivalCode, Guid FondsId, string FondsCode, string CategoryCode, int Year, string RetentionCode, string OrgUnitCode,
    Guid? VolumeId, int ItemNumber, string Title, bool TitleSupplied, string? Author, string? DocumentNumber, DateOnly? Date, int? PageCount,
    string Classification, string? Carrier, string? Remarks, string OpenStatus, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version)
{
    public static RecordResponse Of(Record r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id.Value, r.ArchivalCode, r.FondsId.Value, r.FondsCode, r.CategoryCode, r.Year, r.RetentionCode, r.OrgUnitCode,
            r.VolumeId?.Value, r.ItemNumber, r.Title, r.TitleSupplied, r.Author, r.DocumentNumber, r.Date, r.PageCount,
            r.Classification, r.Carrier, r.Remarks, RecordListQuery.OpenStatusName(r.OpenStatus), r.CreatedAt, r.UpdatedAt, r.Version);
    }
}
