using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Preservation;

/// <summary>
/// Gathers what a record's AIP holds from the database: the record, its files with their stored digests, the transfer
/// it came in with this record's lines of the latest check run, and the events of the record, its objects and its transfer.
/// </summary>
public sealed class AipSource(LantaiDbContext db)
{
    /// <summary>The AIP content of the record; null when there is no such record.</summary>
    public async Task<AipContent?> LoadAsync(RecordId recordId, CancellationToken cancellationToken)
    {
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var archiveName = await db.ArchiveProfiles.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? "兰台";
        var files = await (
            from f in db.RecordFiles.AsNoTracking()
            join o in db.StoredObjects.AsNoTracking() on f.ObjectSm3 equals o.Sm3
            where f.RecordId == recordId
            orderby f.Sequence
            select new { File = f, o.Sha256 }).ToListAsync(cancellationToken);
        var sha256 = files.GroupBy(f => f.File.ObjectSm3, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Sha256, StringComparer.Ordinal);

        var item = await db.TransferItems.AsNoTracking().Where(i => i.RecordId == recordId)
            .OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        var transferId = item?.TransferId ?? files.Select(f => f.File.TransferId).FirstOrDefault(t => t is not null);
        var transfer = transferId is { } tid ? await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, cancellationToken) : null;

        var run = transfer is null ? null : (await db.CheckRuns.AsNoTracking().Where(r => r.TransferId == transfer.Id).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.StartedAt).FirstOrDefault();
        var lines = run is null ? [] : await db.CheckResults.AsNoTracking().Where(r => r.RunId == run.Id).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);

        var sm3s = files.Select(f => f.File.ObjectSm3).Distinct(StringComparer.Ordinal).ToList();
        var events = await db.PreservationEvents.AsNoTracking()
            .Where(e => e.RecordId == recordId
                || (e.ObjectSm3 != null && sm3s.Contains(e.ObjectSm3))
                || (transferId != null && e.TransferId == transferId && e.RecordId == null && e.ObjectSm3 == null))
            .ToListAsync(cancellationToken);

        return new AipContent
        {
            ArchiveName = archiveName,
            Record = record,
            Files = [.. files.Select(f => f.File)],
            Sha256 = sha256,
            TransferId = transfer?.Id,
            TransferName = transfer?.Name,
            Transfer = transfer,
            Item = item,
            Run = run,
            Results = AipContent.LinesOf(lines, item?.Id, recordId, files.Select(f => f.File.OriginalName)),
            Events = [.. events.OrderBy(e => e.At).ThenBy(e => e.Id)],
        };
    }
}
