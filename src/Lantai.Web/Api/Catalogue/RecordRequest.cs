using Lantai.Catalogue;
using Lantai.Common;

namespace Lantai.Web.Api.Catalogue;

/// <summary>POST /records and PUT /records/{id}: a record's fields. <see cref="Version"/> is an alternative to If-Match on PUT.</summary>
public sealed record RecordRequest
{
    public string? FondsCode { get; init; }

    public string? CategoryCode { get; init; }

    public int? Year { get; init; }

    public string? RetentionCode { get; init; }

    public string? OrgUnitCode { get; init; }

    /// <summary>件号; omit to take the next free number (on PUT: to keep the current one).</summary>
    public int? ItemNumber { get; init; }

    public Guid? VolumeId { get; init; }

    /// <summary>A received legacy archival code to keep as it is; omit to render it from the template.</summary>
    public string? ArchivalCode { get; init; }

    public string? Title { get; init; }

    public bool TitleSupplied { get; init; }

    public string? Author { get; init; }

    public string? DocumentNumber { get; init; }

    public DateOnly? Date { get; init; }

    public int? PageCount { get; init; }

    public string? Classification { get; init; }

    public string? Carrier { get; init; }

    public string? Remarks { get; init; }

    /// <summary>unreviewed (default), open, controlled, partlyOpen.</summary>
    public string? OpenStatus { get; init; }

    public int? Version { get; init; }

    public Result<RecordDraft> ToDraft()
    {
        var errors = new List<Error>();
        if (Year is null)
        {
            errors.Add(Error.Validation(RecordFields.Year, "年度不能为空"));
        }

        var status = Lantai.Catalogue.OpenStatus.Unreviewed;
        if (OpenStatus is { Length: > 0 } text)
        {
            if (RecordListQuery.ParseOpenStatus(text) is { } parsed)
            {
                status = parsed;
            }
            else
            {
                errors.Add(Error.Validation(RecordFields.OpenStatus, $"开放状态“{text}”无效（可用：unreviewed、open、controlled、partlyOpen）"));
            }
        }

        if (errors.Count > 0)
        {
            return Result<RecordDraft>.Fail(errors);
        }

        return new RecordDraft
        {
            FondsCode = FondsCode ?? "",
            CategoryCode = CategoryCode ?? "WS",
            Year = Year!.Value,
            RetentionCode = RetentionCode ?? "",
            OrgUnitCode = OrgUnitCode ?? "",
            ItemNumber = ItemNumber,
            VolumeId = VolumeId is { } v ? new VolumeId(v) : null,
            ArchivalCode = ArchivalCode,
            Title = Title ?? "",
            TitleSupplied = TitleSupplied,
            Author = Author,
            DocumentNumber = DocumentNumber,
            Date = Date,
            PageCount = PageCount,
            Classification = Classification ?? "",
            Carrier = Carrier,
            Remarks = Remarks,
            OpenStatus = status,
        };
    }
}
