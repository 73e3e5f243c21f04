using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Web.Api.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Volumes;

/// <summary>Volumes (案卷) in archival-code order, filtered by fonds, category, year, retention and text.</summary>
public sealed class IndexModel(LantaiDbContext db, VolumeQueries queries) : CataloguePageModel
{
    public VolumeListQuery Query { get; private set; } = new();

    public IReadOnlyList<VolumeSummary> Items { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public IReadOnlyList<Error> QueryErrors { get; private set; } = [];

    public IReadOnlyList<Lantai.Catalogue.Fonds> FondsList { get; private set; } = [];

    public CatalogueRules Rules { get; private set; } = CatalogueRules.Default;

    public async Task OnGetAsync([FromQuery] VolumeListQuery query, CancellationToken cancellationToken)
    {
        Query = query ?? new VolumeListQuery();
        Rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        FondsList = await db.Fonds.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        var parsed = Query.Parse(await ClearanceAsync());
        if (!parsed.Succeeded)
        {
            QueryErrors = parsed.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var (filter, cursor, limit) = parsed.Value;
        var page = await queries.PageAsync(filter, cursor, limit, cancellationToken);
        Items = page.Items;
        NextCursor = page.NextCursor;
    }

    public string NextLink() => QueryHelpers.AddQueryString("/Catalogue/Volumes", new Dictionary<string, string?>
    {
        ["fonds"] = Query.Fonds,
        ["category"] = Query.Category,
        ["year"] = Query.Year,
        ["retention"] = Query.Retention,
        ["q"] = Query.Q,
        ["limit"] = Query.Limit,
        ["cursor"] = NextCursor,
    }.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
}
