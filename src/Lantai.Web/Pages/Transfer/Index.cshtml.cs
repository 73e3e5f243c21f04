using Lantai.Transfer;
using Lantai.Transfer.Checks;
using Lantai.Web.Pages.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Transfer;

/// <summary>The transfers received, newest first, with their state and the outcome of their check.</summary>
public sealed class IndexModel(TransferQueries queries, Data.LantaiDbContext db) : CataloguePageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public IReadOnlyList<TransferPackage> Transfers { get; private set; } = [];

    public IReadOnlyDictionary<Guid, CheckOutcome?> Outcomes { get; private set; } = new Dictionary<Guid, CheckOutcome?>();

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Skip = Math.Max(0, Skip);
        Transfers = await queries.ListAsync(Skip, PageSize, cancellationToken);
        Total = await queries.CountAsync(cancellationToken);
        var ids = Transfers.Select(t => t.Id).ToList();
        var runs = await db.CheckRuns.AsNoTracking().Where(r => r.TransferId != null && ids.Contains(r.TransferId.Value))
            .Select(r => new { r.TransferId, r.StartedAt, r.Outcome }).ToListAsync(cancellationToken);
        Outcomes = runs.GroupBy(r => r.TransferId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.StartedAt).First().Outcome);
    }
}
