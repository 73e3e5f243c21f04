using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Transfer;

/// <summary>Reads transfers and their reports for the pages, the API and the CLI.</summary>
public sealed class TransferQueries(LantaiDbContext db)
{
    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<TransferPackage>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
        await db.Transfers.AsNoTracking().OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Transfers.CountAsync(cancellationToken);

    /// <summary>The transfer with its items, files and latest check run with its lines; null when there is none.</summary>
    public async Task<TransferDetail?> GetAsync(Guid transferId, CancellationToken cancellationToken)
    {
        var transfer = await db.Transfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        if (transfer is null)
        {
            return null;
        }

        var run = await db.CheckRuns.AsNoTracking().Where(r => r.TransferId == transferId)
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        return new TransferDetail
        {
            Transfer = transfer,
            Items = await db.TransferItems.AsNoTracking().Where(i => i.TransferId == transferId).OrderBy(i => i.RowNumber).ToListAsync(cancellationToken),
            Files = await db.TransferFiles.AsNoTracking().Where(f => f.TransferId == transferId)
                .OrderBy(f => f.ItemId == null).ThenBy(f => f.OriginalPath).ToListAsync(cancellationToken),
            Run = run,
            Results = run is null ? [] : await db.CheckResults.AsNoTracking().Where(r => r.RunId == run.Id).OrderBy(r => r.Sequence).ToListAsync(cancellationToken),
        };
    }
}
