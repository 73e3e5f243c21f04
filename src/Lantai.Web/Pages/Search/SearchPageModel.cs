using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Search;
using Lantai.Web.Api.Catalogue;
using Lantai.Web.Api.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantai.Web.Pages.Search;

/// <summary>
/// What the staff and the public search pages share: parse the query string (<see cref="SearchQuery"/>, as the API does),
/// run one search for the page's audience, and build the links of facets, filter chips, sort and paging.
/// </summary>
public abstract class SearchPageModel(SearchService service) : PageModel
{
    /// <summary>Values of a facet shown at once; the rest fold under 更多.</summary>
    public const int FacetValuesShown = 8;

    /// <summary>Page numbers offered as links; further on, 下一页 follows the cursor.</summary>
    public const int NumberedPages = 10;

    public SearchQuery Query { get; private set; } = new();

    public SearchAudience Audience { get; private set; }

    /// <summary>Null when nothing was asked yet or the query string was wrong.</summary>
    public SearchResponse? Result { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public SearchSort Sort { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageSize { get; private set; } = SearchQuery.DefaultPageSize;

    public bool IsStaff => Audience == SearchAudience.Staff;

    /// <summary>This page's own address (/Search or /Access/Search).</summary>
    public abstract string PagePath { get; }

    /// <summary>The facets the audience may see, in display order.</summary>
    public IEnumerable<FacetResult> Facets =>
        Result is null ? [] : SearchFacets.Visible(Audience, Result.Facets).Where(f => f.Values.Count > 0);

    /// <summary>True when the facet counts are estimates (a very large result set): each is shown as 约 n.</summary>
    public bool FacetsApproximate => Result?.FacetsApproximate == true;

    protected async Task SearchAsync(SearchQuery query, SearchAudience audience, int clearance, CancellationToken cancellationToken)
    {
        Query = query ?? new SearchQuery();
        Audience = audience;
        var request = Query.Parse(audience, clearance);
        if (!request.Succeeded)
        {
            Errors = request.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Sort = request.Value.Sort;
        PageNumber = request.Value.Page;
        PageSize = request.Value.PageSize;
        if (Query.IsEmpty)
        {
            return;
        }

        var result = await service.SearchAsync(request.Value, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Result = result.Value;
    }

    /// <summary>The link that narrows the search to a facet value (a year filters as yearFrom = yearTo).</summary>
    public string FacetLink(FacetResult facet, FacetValue value)
    {
        ArgumentNullException.ThrowIfNull(facet);
        ArgumentNullException.ThrowIfNull(value);
        return facet.Field == SearchFields.Year
            ? Query.Link(PagePath, ("yearFrom", value.Value), ("yearTo", value.Value))
            : Query.Link(PagePath, (SearchFacets.Parameter(facet.Field), value.Value));
    }

    public bool IsActive(FacetResult facet, FacetValue value)
    {
        ArgumentNullException.ThrowIfNull(facet);
        ArgumentNullException.ThrowIfNull(value);
        var filters = Query.Filters().ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        if (facet.Field == SearchFields.Year)
        {
            return filters["yearFrom"] == value.Value && filters["yearTo"] == value.Value;
        }

        var current = filters.GetValueOrDefault(SearchFacets.Parameter(facet.Field));
        return facet.Field == SearchFields.OpenStatus
            ? current is not null && RecordListQuery.ParseOpenStatus(current)?.ToString() == value.Value
            : current == value.Value;
    }

    /// <summary>The filters in force, each with its name, value as shown and the link that removes it.</summary>
    public IReadOnlyList<SearchChip> Chips()
    {
        var filters = Query.Filters().Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!, StringComparer.Ordinal);
        var chips = new List<SearchChip>();
        foreach (var (name, value) in filters)
        {
            switch (name)
            {
                case "yearFrom" or "yearTo":
                    continue; // one chip for the range below
                case "open":
                    chips.Add(new("开放状态", RecordListQuery.ParseOpenStatus(value) is { } s ? RecordFields.OpenStatusLabel(s) : value, Query.Link(PagePath, (name, null))));
                    break;
                case "class":
                    chips.Add(new("密级", value == SearchFields.Unclassified ? "无密级" : value, Query.Link(PagePath, (name, null))));
                    break;
                default:
                    chips.Add(new(SearchFacets.Label(FieldOf(name)), LabelOf(FieldOf(name), value), Query.Link(PagePath, (name, null))));
                    break;
            }
        }

        var from = filters.GetValueOrDefault("yearFrom");
        var to = filters.GetValueOrDefault("yearTo");
        if (from is not null || to is not null)
        {
            var text = from == to ? from! : $"{from}–{to}";
            chips.Insert(0, new("年度", text, Query.Link(PagePath, ("yearFrom", null), ("yearTo", null))));
        }

        return chips;
    }

    public string SortLink(SearchSort sort) => Query.Link(PagePath, ("sort", SearchQuery.SortName(sort)));

    /// <summary>The numbered pages to offer: the first <see cref="NumberedPages"/> that have hits, within the page-number depth.</summary>
    public IReadOnlyList<int> PageNumbers()
    {
        if (Result is null || Result.Total <= PageSize)
        {
            return [];
        }

        var reachable = Math.Min(Result.Total, SearchQuery.MaxDepth);
        var last = (int)Math.Min(NumberedPages, (reachable + PageSize - 1) / PageSize);
        return [.. Enumerable.Range(1, last)];
    }

    public string PageLink(int page) => Query.Link(PagePath, ("page", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>下一页: the cursor, with the page number carried along for display.</summary>
    public string? NextLink() =>
        Result?.NextCursor is { } cursor
            ? Query.Link(PagePath, ("after", cursor), ("page", (PageNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : null;

    public string? ErrorFor(string parameter) => Errors.FirstOrDefault(e => string.Equals(e.Field, parameter, StringComparison.OrdinalIgnoreCase))?.Message;

    /// <summary>A filter value as its facet shows it (a fonds by name), else the code itself.</summary>
    private string LabelOf(string field, string value)
    {
        var label = Result?.Facets.FirstOrDefault(f => f.Field == field)?.Values.FirstOrDefault(v => v.Value == value)?.Label;
        return string.IsNullOrEmpty(label) || label == value ? value : $"{label}（{value}）";
    }

    private static string FieldOf(string parameter) => parameter switch
    {
        "fonds" => SearchFields.FondsCode,
        "category" => SearchFields.CategoryCode,
        "retention" => SearchFields.RetentionCode,
        "org" => SearchFields.OrgUnitCode,
        "carrier" => SearchFields.Carrier,
        _ => parameter,
    };
}
