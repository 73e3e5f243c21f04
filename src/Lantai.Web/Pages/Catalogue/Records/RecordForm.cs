using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Web.Api.Catalogue;

namespace Lantai.Web.Pages.Catalogue.Records;

/// <summary>
/// The record form as typed: every value is text, parsed here with Chinese messages per field, so a wrong number or
/// date is explained beside its field instead of the framework's English binding error.
/// </summary>
public sealed class RecordForm
{
    private static readonly string[] DateFormats = ["yyyyMMdd", "yyyy-MM-dd", "yyyy.MM.dd", "yyyy/MM/dd", "yyyy-M-d"];

    public string? FondsCode { get; set; }

    public string? CategoryCode { get; set; } = "WS";

    public string? Year { get; set; }

    public string? RetentionCode { get; set; }

    public string? OrgUnitCode { get; set; }

    public string? ItemNumber { get; set; }

    public string? Title { get; set; }

    public bool TitleSupplied { get; set; }

    public string? Author { get; set; }

    public string? DocumentNumber { get; set; }

    public string? Date { get; set; }

    public string? PageCount { get; set; }

    public string? Classification { get; set; }

    public string? Carrier { get; set; }

    public string? Remarks { get; set; }

    public string? OpenStatus { get; set; }

    public Guid? VolumeId { get; set; }

    /// <summary>The version the archivist started editing (optimistic concurrency).</summary>
    public int Version { get; set; }

    public static RecordForm From(Record r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new RecordForm
        {
            FondsCode = r.FondsCode,
            CategoryCode = r.CategoryCode,
            Year = r.Year.ToString(CultureInfo.InvariantCulture),
            RetentionCode = r.RetentionCode,
            OrgUnitCode = r.OrgUnitCode,
            ItemNumber = r.ItemNumber.ToString(CultureInfo.InvariantCulture),
            Title = r.Title,
            TitleSupplied = r.TitleSupplied,
            Author = r.Author,
            DocumentNumber = r.DocumentNumber,
            Date = CatalogueDisplay.Date(r.Date),
            PageCount = CatalogueDisplay.Number(r.PageCount),
            Classification = r.Classification,
            Carrier = r.Carrier,
            Remarks = r.Remarks,
            OpenStatus = RecordListQuery.OpenStatusName(r.OpenStatus),
            VolumeId = r.VolumeId?.Value,
            Version = r.Version,
        };
    }

    public Result<RecordDraft> ToDraft()
    {
        var errors = new List<Error>();
        var year = 0;
        if (string.IsNullOrWhiteSpace(Year))
        {
            errors.Add(Error.Validation(RecordFields.Year, "年度不能为空"));
        }
        else if (!int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            errors.Add(Error.Validation(RecordFields.Year, $"年度“{Year}”应为四位数字，如 2016"));
        }

        var item = Number(ItemNumber, RecordFields.ItemNumber, "件号", errors);
        var pages = Number(PageCount, RecordFields.PageCount, "页数", errors);
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                errors.Add(Error.Validation(RecordFields.Date, $"日期“{Date}”无效（应为 YYYYMMDD，如 20160312）"));
            }
        }

        var status = Lantai.Catalogue.OpenStatus.Unreviewed;
        if (!string.IsNullOrWhiteSpace(OpenStatus))
        {
            if (RecordListQuery.ParseOpenStatus(OpenStatus) is { } s)
            {
                status = s;
            }
            else
            {
                errors.Add(Error.Validation(RecordFields.OpenStatus, $"开放状态“{OpenStatus}”无效"));
            }
        }

        if (errors.Count > 0)
        {
            return Result<RecordDraft>.Fail(errors);
        }

        return new RecordDraft
        {
            FondsCode = FondsCode ?? "",
            CategoryCode = CategoryCode ?? "",
            Year = year,
            RetentionCode = RetentionCode ?? "",
            OrgUnitCode = OrgUnitCode ?? "",
            ItemNumber = item,
            VolumeId = VolumeId is { } v ? new VolumeId(v) : null,
            Title = Title ?? "",
            TitleSupplied = TitleSupplied,
            Author = Author,
            DocumentNumber = DocumentNumber,
            Date = date,
            PageCount = pages,
            Classification = Classification ?? "",
            Carrier = string.IsNullOrWhiteSpace(Carrier) ? null : Carrier,
            Remarks = Remarks,
            OpenStatus = status,
        };
    }

    private static int? Number(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors.Add(Error.Validation(field, $"{label}“{text}”应为整数"));
        return null;
    }
}
