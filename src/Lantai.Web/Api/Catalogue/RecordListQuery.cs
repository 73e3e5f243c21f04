using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Api.Catalogue;

/// <summary>
/// The record list's query string, as text: shared by the list page and GET /api/v1/records. Query strings are
/// hostile, so every value is parsed here and a wrong one is named in Chinese (400), never left to throw.
/// </summary>
public sealed class RecordListQuery
{
    public const int DefaultLimit = 50;

    /// <summary>全宗号, e.g. X013.</summary>
    [FromQuery(Name = "fonds")]
    public string? Fonds { get; set; }

    /// <summary>门类 code, e.g. WS.</summary>
    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    /// <summary>年度: 2016, or a range 2010-2016, 2010- or -2016.</summary>
    [FromQuery(Name = "year")]
    public string? Year { get; set; }

    /// <summary>保管期限 code: Y, D30, D10.</summary>
    [FromQuery(Name = "retention")]
    public string? Retention { get; set; }

    /// <summary>机构(问题) code.</summary>
    [FromQuery(Name = "org")]
    public string? Org { get; set; }

    /// <summary>开放状态: unreviewed, open, controlled, partlyOpen.</summary>
    [FromQuery(Name = "open")]
    public string? Open { get; set; }

    /// <summary>密级 code; empty for all the viewer may see.</summary>
    [FromQuery(Name = "classification")]
    public string? Classification { get; set; }

    /// <summary>Words in the title, author, document number or archival code.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>code (档号, default), year (年度) or date (日期).</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>asc (default) or desc.</summary>
    [FromQuery(Name = "dir")]
    public string? Dir { get; set; }

    /// <summary>Rows per page, 1–500 (default 50).</summary>
    [FromQuery(Name = "limit")]
    public string? Limit { get; set; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }

    /// <summary>The previousCursor of the next page (pages backwards).</summary>
    [FromQuery(Name = "before")]
    public string? Before { get; set; }

    /// <summary>The filters as query-string pairs (sorting and paging aside), for links that carry them to another page.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> FilterValues() =>
    [
        new("fonds", Fonds),
        new("category", Category),
        new("year", Year),
        new("retention", Retention),
        new("org", Org),
        new("open", Open),
        new("classification", Classification),
        new("q", Q),
    ];

    /// <summary>True when any filter narrows the list (sorting and paging aside).</summary>
    public bool HasFilter =>
        new[] { Fonds, Category, Year, Retention, Org, Open, Classification, Q }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Parses the text; the fonds code is looked up so the list seeks through the (fonds, year, code) index.</summary>
    public async Task<Result<RecordListRequest>> ParseAsync(LantaiDbContext db, int clearance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var errors = new List<Error>();
        int? year = null, from = null, to = null;
        if (Clean(Year) is { } yearText && !TryParseYears(yearText, out year, out from, out to))
        {
            errors.Add(Error.Validation("year", $"年度“{yearText}”无效（应为四位年份如 2016，或年度范围如 2010-2016）"));
        }

        OpenStatus? open = null;
        if (Clean(Open) is { } openText)
        {
            if (ParseOpenStatus(openText) is { } status)
            {
                open = status;
            }
            else
            {
                errors.Add(Error.Validation("open", $"开放状态“{openText}”无效（可用：unreviewed 未审、open 开放、controlled 控制、partlyOpen 部分开放）"));
            }
        }

        var sort = RecordSort.ArchivalCode;
        switch (Clean(Sort)?.ToLowerInvariant())
        {
            case null or "code" or "archivalcode":
                break;
            case "year":
                sort = RecordSort.Year;
                break;
            case "date":
                sort = RecordSort.Date;
                break;
            default:
                errors.Add(Error.Validation("sort", $"排序“{Sort}”无效（可用：code 档号、year 年度、date 日期）"));
                break;
        }

        var descending = false;
        switch (Clean(Dir)?.ToLowerInvariant())
        {
            case null or "asc":
                break;
            case "desc":
                descending = true;
                break;
            default:
                errors.Add(Error.Validation("dir", $"排序方向“{Dir}”无效（可用：asc 升序、desc 降序）"));
                break;
        }

        var limit = DefaultLimit;
        if (Clean(Limit) is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > RecordQueries.MaxPageSize))
        {
            errors.Add(Error.Validation("limit", $"每页条数“{limitText}”无效（应为1至{RecordQueries.MaxPageSize}的整数）"));
        }

        var cursor = Clean(Cursor);
        var before = Clean(Before);
        if (cursor is not null && !RecordQueries.IsValidCursor(cursor, sort))
        {
            errors.Add(Error.Validation("cursor", "翻页游标无效（游标只能来自上一页的 nextCursor，且排序方式不变），请从第一页重新开始"));
        }

        if (before is not null && !RecordQueries.IsValidCursor(before, sort))
        {
            errors.Add(Error.Validation("before", "翻页游标无效（游标只能来自下一页的 previousCursor，且排序方式不变），请从第一页重新开始"));
        }

        var fonds = Clean(Fonds);
        var text = Clean(Q);
        foreach (var (name, value, max) in new[] { ("fonds", fonds, 20), ("category", Clean(Category), 10), ("retention", Clean(Retention), 10), ("org", Clean(Org), 50), ("classification", Clean(Classification), 20), ("q", text, 200) })
        {
            if (value is not null && value.Length > max)
            {
                errors.Add(Error.Validation(name, $"参数 {name} 过长（不超过{max}字）"));
            }
        }

        if (errors.Count > 0)
        {
            return Result<RecordListRequest>.Fail(errors);
        }

        FondsId? fondsId = null;
        if (fonds is not null)
        {
            // An unknown fonds matches nothing rather than being ignored.
            var id = await db.Fonds.AsNoTracking().Where(f => f.Code == fonds).Select(f => (FondsId?)f.Id).FirstOrDefaultAsync(cancellationToken);
            fondsId = id ?? new FondsId(Guid.Empty);
        }

        var filter = new RecordFilter
        {
            FondsId = fondsId,
            CategoryCode = Clean(Category),
            Year = year,
            YearFrom = from,
            YearTo = to,
            RetentionCode = Clean(Retention),
            OrgUnitCode = Clean(Org),
            OpenStatus = open,
            Classification = Clean(Classification),
            Text = text,
            Clearance = clearance,
        };
        return new RecordListRequest(filter, sort, descending, cursor, before, limit);
    }

    public static OpenStatus? ParseOpenStatus(string text) => text.Trim().ToLowerInvariant() switch
    {
        "unreviewed" or "未审" => OpenStatus.Unreviewed,
        "open" or "开放" => OpenStatus.Open,
        "controlled" or "控制" or "控制使用" => OpenStatus.Controlled,
        "partlyopen" or "部分开放" => OpenStatus.PartlyOpen,
        _ => null,
    };

    public static string OpenStatusName(OpenStatus status) => status switch
    {
        OpenStatus.Unreviewed => "unreviewed",
        OpenStatus.Open => "open",
        OpenStatus.Controlled => "controlled",
        OpenStatus.PartlyOpen => "partlyOpen",
        _ => status.ToString(),
    };

    private static bool TryParseYears(string text, out int? year, out int? from, out int? to)
    {
        year = from = to = null;
        var parts = text.Replace('–', '-').Replace('~', '-').Replace('至', '-').Split('-');
        if (parts.Length == 1)
        {
            year = ParseYear(parts[0]);
            return year is not null;
        }

        if (parts.Length != 2 || (parts[0].Length == 0 && parts[1].Length == 0))
        {
            return false;
        }

        from = parts[0].Length == 0 ? null : ParseYear(parts[0]);
        to = parts[1].Length == 0 ? null : ParseYear(parts[1]);
        return (parts[0].Length == 0 || from is not null) && (parts[1].Length == 0 || to is not null) && !(from > to);
    }

    private static int? ParseYear(string text) =>
        text.Trim().Length == 4 && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 1000 ? y : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
