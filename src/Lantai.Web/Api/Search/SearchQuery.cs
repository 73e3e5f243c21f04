using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Search;
using Lantai.Web.Api.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Lantai.Web.Api.Search;

/// <summary>
/// The search query string, as text: shared by the staff page, the public page and GET /api/v1/search. Query strings are
/// hostile, so every value is parsed here and a wrong one is named in Chinese (400), never left to throw. The query
/// syntax itself and the cursor are checked by <see cref="SearchService"/>.
/// </summary>
public sealed class SearchQuery
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>How deep page numbers reach; beyond it the cursor (after) pages on, which stays fast however deep.</summary>
    public const int MaxDepth = 10_000;

    public const int MaxQueryLength = 1000;

    /// <summary>The sort names of the query string, in the order pages offer them.</summary>
    public static IReadOnlyList<(string Name, SearchSort Sort)> Sorts { get; } =
        [("relevance", SearchSort.Relevance), ("newest", SearchSort.DateNewest), ("oldest", SearchSort.DateOldest), ("code", SearchSort.ArchivalCode)];

    /// <summary>Words, "phrases", 题名:…, 年度:2001-2010, AND/OR/NOT.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>全宗号, e.g. 0426.</summary>
    [FromQuery(Name = "fonds")]
    public string? Fonds { get; set; }

    /// <summary>门类 code, e.g. WS.</summary>
    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    /// <summary>年度 from (four digits).</summary>
    [FromQuery(Name = "yearFrom")]
    public string? YearFrom { get; set; }

    /// <summary>年度 to (four digits).</summary>
    [FromQuery(Name = "yearTo")]
    public string? YearTo { get; set; }

    /// <summary>保管期限 code: Y, D30, D10.</summary>
    [FromQuery(Name = "retention")]
    public string? Retention { get; set; }

    /// <summary>机构(问题) code (staff).</summary>
    [FromQuery(Name = "org")]
    public string? Org { get; set; }

    /// <summary>开放状态: unreviewed, open, controlled, partlyOpen.</summary>
    [FromQuery(Name = "open")]
    public string? Open { get; set; }

    /// <summary>载体 code.</summary>
    [FromQuery(Name = "carrier")]
    public string? Carrier { get; set; }

    /// <summary>密级 code, "-" for unclassified (staff only).</summary>
    [FromQuery(Name = "class")]
    public string? Class { get; set; }

    /// <summary>relevance (default), newest, oldest, code.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>1-based page number (ignored when after is given).</summary>
    [FromQuery(Name = "page")]
    public string? Page { get; set; }

    /// <summary>Hits per page, 1–100 (default 20).</summary>
    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; set; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "after")]
    public string? After { get; set; }

    /// <summary>true (default) or false: facet counts.</summary>
    [FromQuery(Name = "facets")]
    public string? Facets { get; set; }

    /// <summary>true (default) or false: highlighted snippets.</summary>
    [FromQuery(Name = "snippets")]
    public string? Snippets { get; set; }

    /// <summary>True when there is anything to search for: words or a filter.</summary>
    public bool IsEmpty => Filters().All(f => f.Value is null) && Clean(Q) is null;

    /// <summary>The facet filters that are set, by query-string name (sort, paging and words aside).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Filters() =>
    [
        new("fonds", Clean(Fonds)),
        new("category", Clean(Category)),
        new("yearFrom", Clean(YearFrom)),
        new("yearTo", Clean(YearTo)),
        new("retention", Clean(Retention)),
        new("org", Clean(Org)),
        new("open", Clean(Open)),
        new("carrier", Clean(Carrier)),
        new("class", Clean(Class)),
    ];

    /// <summary>
    /// The address <paramref name="path"/> with this query's words, filters, sort and page size, changed by
    /// <paramref name="changes"/> (a null value removes the parameter). Page and cursor are dropped unless given.
    /// </summary>
    public string Link(string path, params (string Name, string? Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { ["q"] = Clean(Q) };
        foreach (var (name, value) in Filters())
        {
            values[name] = value;
        }

        values["sort"] = Clean(Sort);
        values["pageSize"] = Clean(PageSize);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    /// <summary>Parses the text into a request for <paramref name="audience"/>; every wrong value is named.</summary>
    public Result<SearchRequest> Parse(SearchAudience audience, int clearance)
    {
        var errors = new List<Error>();
        var q = Clean(Q) ?? "";
        if (q.Length > MaxQueryLength)
        {
            errors.Add(Error.Validation("q", $"检索词过长（不超过{MaxQueryLength}字）"));
        }

        var yearFrom = Year(YearFrom, "yearFrom", "起始年度", errors);
        var yearTo = Year(YearTo, "yearTo", "截止年度", errors);
        if (yearFrom > yearTo)
        {
            errors.Add(Error.Validation("yearTo", $"截止年度 {yearTo} 早于起始年度 {yearFrom}"));
        }

        string? open = null;
        if (Clean(Open) is { } openText)
        {
            if (RecordListQuery.ParseOpenStatus(openText) is { } status)
            {
                open = status.ToString(); // the index keeps the enum's name (SearchFields.OpenStatus)
            }
            else
            {
                errors.Add(Error.Validation("open", $"开放状态“{openText}”无效（可用：unreviewed 未审、open 开放、controlled 控制、partlyOpen 部分开放）"));
            }
        }

        var classification = Clean(Class);
        if (classification is not null && audience == SearchAudience.Public)
        {
            errors.Add(Error.Validation("class", "公众检索不能按密级筛选"));
        }

        var org = Clean(Org);
        var sort = SearchSort.Relevance;
        if (Clean(Sort) is { } sortText)
        {
            if (ParseSort(sortText) is { } parsed)
            {
                sort = parsed;
            }
            else
            {
                errors.Add(Error.Validation("sort", $"排序“{sortText}”无效（可用：relevance 相关度、newest 日期新→旧、oldest 日期旧→新、code 档号）"));
            }
        }

        var pageSize = DefaultPageSize;
        if (Clean(PageSize) is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            errors.Add(Error.Validation("pageSize", $"每页条数“{sizeText}”无效（应为1至{MaxPageSize}的整数）"));
            pageSize = DefaultPageSize;
        }

        var after = Clean(After);
        if (after is not null && after.Length > 1000)
        {
            errors.Add(Error.Validation("after", "翻页游标无效（游标只能来自上一页的 nextCursor），请从第一页重新开始"));
        }

        var page = 1;
        if (Clean(Page) is { } pageText)
        {
            if (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1)
            {
                errors.Add(Error.Validation("page", $"页码“{pageText}”无效（应为正整数）"));
                page = 1;
            }
            else if (after is null && (long)page * pageSize > MaxDepth)
            {
                errors.Add(Error.Validation("page", $"页码 {page} 过大：按页码只能翻到第 {MaxDepth} 条，更深的结果请用“下一页”（after 游标）继续"));
                page = 1;
            }
        }

        var facets = Flag(Facets, "facets", errors);
        var snippets = Flag(Snippets, "snippets", errors);
        foreach (var (name, value, max) in new[]
        {
            ("fonds", Clean(Fonds), 20), ("category", Clean(Category), 10), ("retention", Clean(Retention), 10), ("org", org, 50),
            ("carrier", Clean(Carrier), 20), ("class", classification, 20),
        })
        {
            if (value is not null && value.Length > max)
            {
                errors.Add(Error.Validation(name, $"参数 {name} 过长（不超过{max}字）"));
            }
        }

        if (errors.Count > 0)
        {
            return Result<SearchRequest>.Fail(errors);
        }

        return new SearchRequest
        {
            Query = q,
            Audience = audience,
            Clearance = audience == SearchAudience.Staff ? clearance : 0,
            FondsCode = Clean(Fonds),
            CategoryCode = Clean(Category),
            YearFrom = yearFrom,
            YearTo = yearTo,
            RetentionCode = Clean(Retention),
            OrgUnitCode = org,
            OpenStatus = open,
            Carrier = Clean(Carrier),
            Classification = classification,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
            After = after,
            IncludeFacets = facets,
            IncludeSnippets = snippets,
        };
    }

    /// <summary>relevance, newest, oldest, code, or the enum's own names (DateNewest …), any case.</summary>
    public static SearchSort? ParseSort(string text) => text.Trim().ToLowerInvariant() switch
    {
        "relevance" or "相关度" => SearchSort.Relevance,
        "newest" or "datenewest" => SearchSort.DateNewest,
        "oldest" or "dateoldest" => SearchSort.DateOldest,
        "code" or "archivalcode" or "档号" => SearchSort.ArchivalCode,
        _ => null,
    };

    public static string SortName(SearchSort sort) => Sorts.First(s => s.Sort == sort).Name;

    private static int? Year(string? text, string field, string label, List<Error> errors)
    {
        if (Clean(text) is not { } value)
        {
            return null;
        }

        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1000)
        {
            return year;
        }

        errors.Add(Error.Validation(field, $"{label}“{value}”无效（应为四位年份，如 2016）"));
        return null;
    }

    private static bool Flag(string? text, string field, List<Error> errors)
    {
        switch (Clean(text)?.ToLowerInvariant())
        {
            case null or "true" or "1" or "yes":
                return true;
            case "false" or "0" or "no":
                return false;
            default:
                errors.Add(Error.Validation(field, $"参数 {field} 的值“{text}”无效（应为 true 或 false）"));
                return true;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
