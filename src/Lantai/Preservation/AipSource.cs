using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Transfer;
using Lantai.Transfer.Checks;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Preservation;

/// <summary>
/// Gathers what a record's AIP holds from the database: the record, its files with their stored digests, the transfer
/// it came in with this record's lines of the latest check run, and the events of the record, its objects and its transfer.
/// Loads many records with a fixed number of queries (the AIP keeper writes a batch of ingested records at a time).
/// </summary>
public sealed class AipSource(LantaiDbContext db)
{
    /// <summary>The AIP content of the record; null when there is no such record.</summary>
    public async Task<AipContent?> LoadAsync(RecordId recordId, CancellationToken cancellationToken) =>
        (await LoadManyAsync([recordId], cancellationToken)).GetValueOrDefault(recordId);

    /// <summary>The AIP content of each record that exists, by id (ask for a few hundred at a time).</summary>
    public async Task<IReadOnlyDictionary<RecordId, AipContent>> LoadManyAsync(IReadOnlyCollection<RecordId> recordIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        var ids = recordIds.Distinct().ToList();
        var records = await db.Records.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            return new Dictionary<RecordId, AipContent>();
        }

        ids = [.. records.Select(r => r.Id)];
        var archiveName = await db.ArchiveProfiles.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? "兰台";
        var files = (await (
                from f in db.RecordFiles.AsNoTracking()
                join o in db.StoredObjects.AsNoTracking() on f.ObjectSm3 equals o.Sm3
                where ids.Contains(f.RecordId)
                select new { File = f, o.Sha256 }).ToListAsync(cancellationToken))
            .OrderBy(f => f.File.Sequence).ToLookup(f => f.File.RecordId);

        // The record's latest catalogue row in a transfer (a record comes in once; the latest if ever more).
        var items = (await db.TransferItems.AsNoTracking().Where(i => ids.Contains(i.RecordId)).ToListAsync(cancellationToken))
            .GroupBy(i => i.RecordId).ToDictionary(g => g.Key, g => g.MaxBy(i => i.Id)!);
        Guid? TransferOf(RecordId id) => items.GetValueOrDefault(id)?.TransferId ?? files[id].Select(f => f.File.TransferId).FirstOrDefault(t => t is not null);
        var transferIds = ids.Select(TransferOf).OfType<Guid>().Distinct().ToList();
        var transfers = await db.Transfers.AsNoTracking().Where(t => transferIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        // Lists of non-nullable ids (x != null && list.Contains(x.Value)) here and below: a plain IN, without the "column IS
        // NULL and the list holds a null" term EF adds for a list of nullable ids.
        var runs = (await db.CheckRuns.AsNoTracking().Where(r => r.TransferId != null && transferIds.Contains(r.TransferId.Value)).ToListAsync(cancellationToken))
            .GroupBy(r => r.TransferId!.Value).ToDictionary(g => g.Key, g => g.MaxBy(r => r.StartedAt)!);

        // Only the lines that can concern these records (a transfer of 20,000 items has a long report).
        var lines = new Dictionary<Guid, List<CheckResult>>();
        foreach (var run in runs.Values)
        {
            var runRecords = ids.Where(id => TransferOf(id) == run.TransferId).ToList();
            var itemIds = runRecords.Select(id => items.GetValueOrDefault(id)?.Id).OfType<Guid>().ToList();
            var paths = runRecords.SelectMany(id => files[id].Select(f => f.File.OriginalName)).ToHashSet(StringComparer.Ordinal);
            // By the item and record indexes, the run checked here: with "RunId = ?" in the query SQLite walks the
            // run's whole report (~2 lines per item) for every batch. A line of another run of the same item is rare.
            var byItem = await db.CheckResults.AsNoTracking()
                .Where(r => r.ItemId != null && EF.Parameter(itemIds).Contains(r.ItemId.Value)).ToListAsync(cancellationToken);
            var byRecordId = await db.CheckResults.AsNoTracking()
                .Where(r => r.RecordId != null && EF.Parameter(runRecords).Contains(r.RecordId.Value)).ToListAsync(cancellationToken);
            var byPath = (await ItemlessFileLinesAsync(run.Id, cancellationToken)).Where(r => paths.Contains(r.FilePath!));
            lines[run.Id] = [.. byItem.Concat(byRecordId).Where(r => r.RunId == run.Id).Concat(byPath).DistinctBy(r => r.Id).OrderBy(r => r.Sequence)];
        }

        var sm3s = files.SelectMany(g => g.Select(f => f.File.ObjectSm3)).Distinct(StringComparer.Ordinal).ToList();
        // Each list as one parameter (EF.Parameter: JSON on SQLite, an array on PostgreSQL): EF 10's default, one SQL
        // parameter per element, made SQLite's three-index OR over ~500 parameters five times slower.
        var events = await db.PreservationEvents.AsNoTracking()
            .Where(e => (e.RecordId != null && EF.Parameter(ids).Contains(e.RecordId.Value))
                || (e.RecordId == null && e.ObjectSm3 != null && EF.Parameter(sm3s).Contains(e.ObjectSm3))
                || (e.RecordId == null && e.ObjectSm3 == null && e.TransferId != null && EF.Parameter(transferIds).Contains(e.TransferId.Value)))
            .ToListAsync(cancellationToken);
        var byRecord = events.Where(e => e.RecordId is not null).ToLookup(e => e.RecordId!.Value);
        // An object's own events (fixity audits) belong to every record holding it; the events of ingesting the same
        // bytes under another record are that record's, or a form attached to thousands of records would put thousands
        // of strangers' events in each AIP.
        var byObject = events.Where(e => e.RecordId is null && e.ObjectSm3 is not null).ToLookup(e => e.ObjectSm3!, StringComparer.Ordinal);
        var byTransfer = events.Where(e => e.RecordId is null && e.ObjectSm3 is null && e.TransferId is not null).ToLookup(e => e.TransferId!.Value);

        // The batch's lines by what they name, so each record's are picked from a few (not from the whole batch's ~500);
        // AipContent.LinesOf still decides, in the report's order.
        var linesByItem = lines.Values.SelectMany(l => l).Where(r => r.ItemId is not null).ToLookup(r => r.ItemId!.Value);
        var linesByRecord = lines.Values.SelectMany(l => l).Where(r => r.RecordId is not null).ToLookup(r => r.RecordId!.Value);
        var linesByPath = lines.Values.SelectMany(l => l).Where(r => r.ItemId is null && r.FilePath is not null).ToLookup(r => r.FilePath!, StringComparer.Ordinal);
        IEnumerable<CheckResult> Candidates(Guid runId, Guid? itemId, RecordId recordId, IEnumerable<string> names) =>
            (itemId is { } i ? linesByItem[i] : []).Concat(linesByRecord[recordId]).Concat(names.SelectMany(n => linesByPath[n]))
                .Where(r => r.RunId == runId).DistinctBy(r => r.Id).OrderBy(r => r.Sequence);

        var contents = new Dictionary<RecordId, AipContent>();
        foreach (var record in records)
        {
            var recordFiles = files[record.Id].ToList();
            var item = items.GetValueOrDefault(record.Id);
            var transfer = TransferOf(record.Id) is { } tid ? transfers.GetValueOrDefault(tid) : null;
            var run = transfer is null ? null : runs.GetValueOrDefault(transfer.Id);
            var recordSm3s = recordFiles.Select(f => f.File.ObjectSm3).ToHashSet(StringComparer.Ordinal);
            var recordEvents = byRecord[record.Id]
                .Concat(recordSm3s.SelectMany(s => byObject[s]))
                .Concat(transfer is null ? [] : byTransfer[transfer.Id])
                .DistinctBy(e => e.Id)
                .OrderBy(e => e.At).ThenBy(e => e.Id);
            contents[record.Id] = new AipContent
            {
                ArchiveName = archiveName,
                Record = record,
                Files = [.. recordFiles.Select(f => f.File)],
                Sha256 = recordFiles.GroupBy(f => f.File.ObjectSm3, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Sha256, StringComparer.Ordinal),
                TransferId = transfer?.Id,
                TransferName = transfer?.Name,
                Transfer = transfer,
                Item = item,
                Run = run,
                Results = run is null ? [] : AipContent.LinesOf(Candidates(run.Id, item?.Id, record.Id, recordFiles.Select(f => f.File.OriginalName)), item?.Id, record.Id, recordFiles.Select(f => f.File.OriginalName)),
                Events = [.. recordEvents],
            };
        }

        return contents;
    }

    private readonly Dictionary<Guid, List<CheckResult>> _itemlessFileLines = [];

    /// <summary>
    /// The lines of a run about a file but no item (few), loaded once per run for the life of this source (a keeper's
    /// run): a finished run's lines do not change, and the query walks the run's whole report.
    /// </summary>
    private async Task<List<CheckResult>> ItemlessFileLinesAsync(Guid runId, CancellationToken cancellationToken)
    {
        if (!_itemlessFileLines.TryGetValue(runId, out var found))
        {
            found = await db.CheckResults.AsNoTracking().Where(r => r.RunId == runId && r.ItemId == null && r.FilePath != null).ToListAsync(cancellationToken);
            _itemlessFileLines[runId] = found;
        }

        return found;
    }
}
