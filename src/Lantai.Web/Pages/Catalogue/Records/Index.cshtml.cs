using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Web.Api.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Records;

/// <summary>
/// The catalogue list: filters, three orders, keyset paging both ways. The count is exact up to <see cref="CountCap"/>
/// and "more than" beyond: counting a million rows on each page view would cost more than the page itself. With a text
/// filter the cap is <see cref="TextCountCap"/>, because matching text is a scan (about 20 rows read per match).
/// </summary>
public sealed class IndexModel(LantaiDbContext db, RecordQueries queries) : CataloguePageModel
{
    public const int CountCap = 10_000;

    public const int TextCountCap = 1_000;

    public static IReadOnlyList<int> PageSizes { get; } = [20, 50, 100, 200];

    public RecordListQuery Query { get; private set; } = new();

    public IReadOnlyList<Record> Items { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public string? PreviousCursor { get; private set; }

    public IReadOnlyList<Error> QueryErrors { get; private set; } = [];

    /// <summary>Matching records, or <see cref="Cap"/> + 1 when there are more.</summary>
    public int Count { get; private set; }

    /// <summary>The count shown exactly up to this.</summary>
    public int Cap { get; private set; } = CountCap;

    public bool CountCapped => Count > Cap;

    public IReadOnlyList<Lantai.Catalogue.Fonds> FondsList { get; private set; } = [];

    public CatalogueRules Rules { get; private set; } = CatalogueRules.Default;

    public int Clearance { get; private set; }

    public RecordSort Sort { get; private set; }

    public bool Descending { get; private set; }

    public async Task OnGetAsync([FromQuery] RecordListQuery query, CancellationToken cancellationToken)
    {
        Query = query ?? new RecordListQuery();
        Clearance = await ClearanceAsync();
        Rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        FondsList = await db.Fonds.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        var request = await Query.ParseAsync(db, Clearance, cancellationToken);
        if (!request.Succeeded)
        {
            QueryErrors = request.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Sort = request.Value.Sort;
        Descending = request.Value.Descending;
        var page = await RecordListing.PageAsync(queries, request.Value, cancellationToken);
        Items = page.Items;
        NextCursor = page.NextCursor;
        PreviousCursor = page.PreviousCursor;
        Cap = request.Value.Filter.Text is null ? CountCap : TextCountCap;
        Count = await queries.CountUpToAsync(request.Value.Filter, Cap + 1, cancellationToken);
    }

    public string? ErrorFor(string parameter) => QueryErrors.FirstOrDefault(e => e.Field == parameter)?.Message;

    /// <summary>This list's address with the current filters and the given order or page.</summary>
    public string Link(string? sort = null, string? dir = null, string? cursor = null, string? before = null)
    {
        var values = new Dictionary<string, string?>(Query.FilterValues(), StringComparer.Ordinal)
        {
            ["sort"] = sort ?? Query.Sort,
            ["dir"] = dir ?? Query.Dir,
            ["limit"] = Query.Limit,
            ["cursor"] = cursor,
            ["before"] = before,
        };
        return QueryHelpers.AddQueryString("/Catalogue/Records", values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    /// <summary>The export page with the list's current filters.</summary>
    public string ExportLink() =>
        QueryHelpers.AddQueryString("/Catalogue/Export", Query.FilterValues().Where(v => !string.IsNullOrWhiteSpace(v.Value)));

    /// <summary>The filter fields shared with the export page.</summary>
    public RecordFilterForm FilterForm() => new(Query, FondsList, Rules, Clearance, QueryErrors);

    /// <summary>The header link of a sortable column: first click ascending, next click flips the direction.</summary>
    public string SortLink(string sort)
    {
        var current = Sort switch { RecordSort.Year => "year", RecordSort.Date => "date", _ => "code" };
        var dir = current == sort && !Descending ? "desc" : "asc";
        return Link(sort, dir);
    }

    public string? SortState(RecordSort sort) => Sort == sort ? (Descending ? "descending" : "ascending") : null;
}
