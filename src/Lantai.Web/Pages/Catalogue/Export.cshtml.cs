using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Web.Api.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue;

/// <summary>
/// Downloads the filing catalogue (xlsx, PDF, CSV) or the filing stamps of a selection. A plain GET form, so the records
/// list links here with its filters; with a <c>format</c> the same GET streams the file instead of showing the form.
/// </summary>
public sealed class ExportModel(LantaiDbContext db, RecordQueries queries) : CataloguePageModel
{
    public const int CountCap = 10_000;

    public RecordListQuery Query { get; private set; } = new();

    public string Format { get; private set; } = CatalogueDownload.Xlsx;

    public IReadOnlyList<Error> QueryErrors { get; private set; } = [];

    public IReadOnlyList<Lantai.Catalogue.Fonds> FondsList { get; private set; } = [];

    public CatalogueRules Rules { get; private set; } = CatalogueRules.Default;

    public int Clearance { get; private set; }

    /// <summary>Records the selection holds, or <see cref="CountCap"/> + 1 when more.</summary>
    public int Count { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] RecordListQuery query, [FromQuery(Name = "format")] string? format, CancellationToken cancellationToken)
    {
        Query = query ?? new RecordListQuery();
        Clearance = await ClearanceAsync();
        var request = await Query.ParseAsync(db, Clearance, cancellationToken);
        var errors = request.Succeeded ? new List<Error>() : [.. request.Errors];
        var chosen = string.IsNullOrWhiteSpace(format) ? null : CatalogueDownload.ParseFormat(format);
        if (chosen is { Succeeded: false })
        {
            errors.AddRange(chosen.Errors);
        }

        if (errors.Count == 0 && chosen is { Succeeded: true })
        {
            await CatalogueDownload.WriteAsync(HttpContext, chosen.Value, request.Value.Filter, CatalogueDownload.FileName(chosen.Value, Query));
            return new EmptyResult();
        }

        Format = chosen is { Succeeded: true } ? chosen.Value : CatalogueDownload.Xlsx;
        QueryErrors = errors;
        Rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        FondsList = await db.Fonds.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Count = await queries.CountUpToAsync(request.Value.Filter, CountCap + 1, cancellationToken);
        return Page();
    }

    public RecordFilterForm FilterForm() => new(Query, FondsList, Rules, Clearance, QueryErrors);
}
