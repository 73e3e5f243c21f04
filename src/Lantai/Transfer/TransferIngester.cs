using System.Text.Json;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Security;
using Lantai.Transfer.Checks;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Transfer;

/// <summary>
/// Stores the accepted items of a transfer, in batches. Each batch: the files go into the preservation store and are
/// made durable together; then one audited transaction adds the records, their files, objects and events, the outbox
/// messages (record.changed for the search index, aip.wanted for the AIP), and marks the items ingested. The AIPs are
/// written after each commit by <see cref="AipKeeper"/>, beside the ingest (<see cref="TransferIngestJob"/>) or later
/// (job preservation.aip). A process killed anywhere leaves either
/// a committed batch or objects that no row refers to yet — the items are still 'accepted', so the resumed ingest
/// writes the same records (their ids were fixed at check time) and the same content-addressed objects again. Nothing
/// is counted as stored before its bytes are durable under their final names.
/// </summary>
public sealed class TransferIngester(LantaiDbContext db, TransferFolders folders, ObjectStore store, TimeProvider time)
{
    /// <summary>
    /// Most items in one batch (one store commit and one transaction). The environment variable
    /// Lantai__Transfer__IngestBatchItems overrides it, in both the server and the CLI (the crash tests use small batches).
    /// </summary>
    public int BatchItems { get; init; } =
        int.TryParse(Environment.GetEnvironmentVariable("Lantai__Transfer__IngestBatchItems"), out var n) && n > 0 ? n : 256;

    /// <summary>Most bytes in one batch; one item larger than this is a batch of its own.</summary>
    public long BatchBytes { get; init; } = 256L << 20;

    public Task<TransferPackage> RunAsync(Guid transferId, string actor, IProgress<JobProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(transferId, actor, progress, null, cancellationToken);

    /// <summary>
    /// Ingests the transfer's accepted items; <paramref name="aips"/>, when given, is told after each committed batch, for
    /// a keeper writing their AIPs meanwhile (<see cref="TransferIngestJob"/>). The caller ends the feed.
    /// </summary>
    public async Task<TransferPackage> RunAsync(Guid transferId, string actor, IProgress<JobProgress>? progress, AipFeed? aips, CancellationToken cancellationToken)
    {
        var transfer = await db.Transfers.AsNoTracking().SingleAsync(t => t.Id == transferId, cancellationToken);
        if (transfer.State != TransferState.Ingesting)
        {
            return transfer; // finished already: a job run again after a crash that followed the last commit
        }

        // Batches attach the rows they change; what the caller's context tracked before (the decision) must not collide.
        db.ChangeTracker.Clear();
        var content = folders.ContentOf(transfer);
        // Every file lookup names the transfer: the index on files is (TransferId, ItemId, Sequence), and by ItemId alone
        // this query read all the transfer's files once per item (11 s of CPU for 10,000 items).
        var sizes = await db.TransferItems.AsNoTracking()
            .Where(i => i.TransferId == transferId && i.State == TransferItemState.Accepted)
            .OrderBy(i => i.RowNumber)
            .Select(i => new { i.Id, Bytes = db.TransferFiles.Where(f => f.TransferId == transferId && f.ItemId == i.Id).Sum(f => (long?)f.Length) ?? 0 })
            .ToListAsync(cancellationToken);
        var total = await db.TransferItems.CountAsync(i => i.TransferId == transferId && (i.State == TransferItemState.Accepted || i.State == TransferItemState.Ingested), cancellationToken);
        var done = total - sizes.Count;
        var run = await db.CheckRuns.AsNoTracking().Where(r => r.TransferId == transferId).OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        var verdicts = await VerdictsAsync(transferId, run, cancellationToken);

        // A pipeline of two stages on the two cores: while one batch's rows are written (one transaction), the next
        // batch's files are read, hashed and stored, and made durable (syncfs waits on the disk). A batch's rows are
        // written only after its own objects are durable; its AIPs follow after the commit (AipKeeper).
        StoredBatch? previous = null;
        Task<StoredBatch>? storing = null;
        var sqlite = await SqliteSettings.WidenAsync(db, cancellationToken); // a larger page cache for the batches' rows
        try
        {
            foreach (var batch in Batches(sizes.Select(s => (s.Id, s.Bytes))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (items, files) = await LoadBatchAsync(transferId, batch, cancellationToken);
                storing = Task.Run(() => StoreBatchAsync(content, items, files, cancellationToken), CancellationToken.None);
                if (previous is not null)
                {
                    var finished = previous;
                    previous = null;
                    done += await RecordBatchAsync(transfer, finished, run, verdicts, actor, cancellationToken);
                    aips?.Committed();
                    progress?.Report(new JobProgress(done, total, $"已入库 {done:N0} / {total:N0} 件"));
                }

                var stored = storing;
                storing = null;
                previous = await stored;
            }

            if (previous is not null)
            {
                var finished = previous;
                previous = null;
                done += await RecordBatchAsync(transfer, finished, run, verdicts, actor, cancellationToken);
                aips?.Committed();
                progress?.Report(new JobProgress(done, total, $"已入库 {done:N0} / {total:N0} 件"));
            }
        }
        finally
        {
            await sqlite.RestoreAsync(CancellationToken.None);
            // Batches whose rows were never written: their temporary files go.
            if (storing is not null)
            {
                // The next batch was being stored when the previous one failed: wait for it, then drop it. Had the store
                // step failed too, it cleaned up its own batch, and the first failure is the one reported.
                await ((Task)storing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (storing.IsCompletedSuccessfully)
                {
                    await (await storing).DisposeAsync();
                }
            }

            if (previous is not null)
            {
                await previous.DisposeAsync();
            }
        }

        return await FinishAsync(transferId, actor, cancellationToken);
    }

    private IEnumerable<List<Guid>> Batches(IEnumerable<(Guid Id, long Bytes)> items)
    {
        var batch = new List<Guid>();
        long bytes = 0;
        foreach (var (id, size) in items)
        {
            if (batch.Count > 0 && (batch.Count >= BatchItems || bytes + size > BatchBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(id);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>The batch's items and files, untracked: the store step runs beside another batch's transaction.</summary>
    private async Task<(List<TransferItem> Items, List<TransferFile> Files)> LoadBatchAsync(Guid transferId, List<Guid> itemIds, CancellationToken cancellationToken)
    {
        var items = await db.TransferItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).OrderBy(i => i.RowNumber).ToListAsync(cancellationToken);
        // By the transfer first: the index on files is (TransferId, ItemId, Sequence); by ItemId alone each batch read every file.
        var files = await db.TransferFiles.AsNoTracking().Where(f => f.TransferId == transferId && f.ItemId != null && itemIds.Contains(f.ItemId.Value))
            .OrderBy(f => f.Sequence).ToListAsync(cancellationToken);
        return (items, files);
    }

    /// <summary>
    /// Hashes a batch's staged files, takes them into the store and starts making them durable; the rows come later. Uses no
    /// DbContext (it runs beside the previous batch's transaction). Small files go two at a time, each hashed on one
    /// thread (handing a buffer to another thread costs more than it saves); large ones one at a time with SM3 and
    /// SHA-256 on the two cores (<see cref="DualDigest"/>).
    /// </summary>
    private async Task<StoredBatch> StoreBatchAsync(string content, List<TransferItem> items, List<TransferFile> files, CancellationToken cancellationToken)
    {
        var digests = new System.Collections.Concurrent.ConcurrentDictionary<Guid, StoredDigests>();
        var objects = store.BeginBatch();
        try
        {
            async ValueTask AddAsync(TransferFile file, bool oneThread, CancellationToken token)
            {
                var path = Path.Combine(content, file.StagingKey);
                // The staged file itself becomes the object (a hard link, no second copy): nothing writes to staging
                // after the check, and the staged name stays until the end, so a resumed run finds the same bytes.
                // A missing file is found by the open (no stat of every file first).
                StoredDigests stored;
                try
                {
                    stored = await objects.AddFileAsync(path, oneThread, token);
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
                {
                    throw new JobFailedException($"移交暂存文件缺失：“{file.OriginalPath}”（{file.StagingKey}），无法继续入库");
                }

                digests[file.Id] = stored;
                file.Sm3 = stored.Sm3;
                file.Sha256 = stored.Sha256;
            }

            await Parallel.ForEachAsync(files.Where(f => f.Length < LargeFile), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken },
                (file, token) => AddAsync(file, oneThread: true, token));
            foreach (var file in files.Where(f => f.Length >= LargeFile))
            {
                await AddAsync(file, oneThread: false, cancellationToken);
            }
            CrashPoints.Hit("ingest.objects-added");
            return new StoredBatch(items, files, new Dictionary<Guid, StoredDigests>(digests), objects, objects.CommitAsync(cancellationToken));
        }
        catch
        {
            await objects.DisposeAsync();
            throw;
        }
    }

    /// <summary>From this size a file is hashed with SM3 and SHA-256 on two threads; below it, two files go at once.</summary>
    private const long LargeFile = 4L << 20;

    private async Task<int> RecordBatchAsync(TransferPackage transfer, StoredBatch batch, CheckRun? run, IReadOnlyDictionary<Guid, ItemVerdict> verdicts, string actor, CancellationToken cancellationToken)
    {
        // 1. The bytes, durable under their final names before any row mentions them.
        await using (batch)
        {
            await batch.Durable;
        }
        CrashPoints.Hit("ingest.objects-committed");
        var (items, files, digests) = (batch.Items, batch.Files, batch.Digests);

        var filesOf = files.ToLookup(f => f.ItemId!.Value);
        var now = time.GetUtcNow();

        // 2. Which items can still become records: the catalogue may have changed since the check.
        var records = items.ToDictionary(i => i.Id, i => ToRecord(i, now));
        var refused = await ConflictsAsync(records.Values, cancellationToken);

        // 3. One transaction for the rows; the AIPs are asked for in it (outbox aip.wanted) and written after the commit.
        var recordFiles = new Dictionary<Guid, List<RecordFile>>();
        var events = new List<PreservationEvent>();
        foreach (var item in items.Where(i => !refused.ContainsKey(i.RecordId)))
        {
            var record = records[item.Id];
            var itemFiles = filesOf[item.Id].Select(f => new RecordFile
            {
                RecordId = record.Id,
                Sequence = f.Sequence,
                OriginalName = f.OriginalPath,
                ObjectSm3 = digests[f.Id].Sm3,
                Length = f.Length,
                FormatId = f.FormatId ?? "unknown",
                MediaType = f.MediaType ?? "application/octet-stream",
                TransferId = transfer.Id,
                CreatedAt = now,
            }).ToList();
            recordFiles[item.Id] = itemFiles;
            events.AddRange(EventsOf(transfer, item, record, itemFiles, verdicts.GetValueOrDefault(item.Id), now, actor));
        }
        var sm3s = digests.Values.Select(d => d.Sm3).Distinct().ToList();
        var known = (await db.StoredObjects.Where(o => sm3s.Contains(o.Sm3)).Select(o => o.Sm3).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var accepted = items.Where(i => !refused.ContainsKey(i.RecordId)).ToList();
        var objects = digests.Values.DistinctBy(d => d.Sm3).Where(d => !known.Contains(d.Sm3))
            .Select(d => new StoredObject { Sm3 = d.Sm3, Sha256 = d.Sha256, Length = d.Length, StoredAt = now }).ToList();
        var outbox = accepted.SelectMany(i => new[]
        {
            new OutboxMessage { Kind = OutboxKinds.RecordChanged, EntityId = i.RecordId.ToString(), CreatedAt = now },
            new OutboxMessage { Kind = OutboxKinds.AipWanted, EntityId = i.RecordId.ToString(), CreatedAt = now },
        }).ToList();

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        if (await AddMissingOrgUnitsAsync(tx, accepted.Select(i => records[i.Id]), cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken); // the new org units (and their audit), before the rows that use their codes
        }

        // The new rows by the provider's bulk path (parents first: objects and records before the files that point at them).
        await BulkRows.InsertAsync(db, objects, cancellationToken);
        await BulkRows.InsertAsync(db, accepted.Select(i => records[i.Id]).ToList(), cancellationToken);
        await BulkRows.InsertAsync(db, accepted.SelectMany(i => recordFiles[i.Id]).ToList(), cancellationToken);
        await BulkRows.InsertAsync(db, events, cancellationToken);
        await BulkRows.InsertAsync(db, outbox, cancellationToken);
        // The items' new state by the bulk path too (an EF ExecuteUpdate is a query to translate: compiled, then tiered up
        // by the JIT, in every fresh process).
        foreach (var item in accepted)
        {
            item.State = TransferItemState.Ingested;
        }

        await BulkRows.UpdateAsync(db, accepted, [nameof(TransferItem.State)], cancellationToken);

        // The digests found on the staged files (shown with the transfer) by the bulk path; the items refused now through EF.
        await BulkRows.UpdateAsync(db, files, [nameof(TransferFile.Sm3), nameof(TransferFile.Sha256)], cancellationToken);

        foreach (var item in items.Where(i => refused.ContainsKey(i.RecordId)))
        {
            db.TransferItems.Attach(item);
            item.State = TransferItemState.Failed;
            item.Reason = refused[item.RecordId];
        }

        tx.RecordUntracked("transfer.ingest", nameof(TransferPackage), transfer.Id.ToString(), $"移交“{transfer.Name}”入库 {accepted.Count} 件",
            after: new
            {
                records = accepted.Select(i => i.ArchivalCode),
                files = files.Count,
                bytes = files.Sum(f => f.Length),
                refused = refused.Values,
            });
        await tx.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        CrashPoints.Hit("ingest.committed");
        return items.Count;
    }

    /// <summary>Org units (机构(问题)) the transfer uses for the first time are created with its records, named by their code until an archivist names them.</summary>
    private async Task<bool> AddMissingOrgUnitsAsync(AuditedTransaction tx, IEnumerable<Record> records, CancellationToken cancellationToken)
    {
        var wanted = records.Where(r => r.OrgUnitCode.Length > 0).Select(r => (r.FondsId, r.OrgUnitCode)).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return false;
        }

        var fonds = wanted.Select(w => w.FondsId).Distinct().ToList();
        var existing = (await db.OrgUnits.AsNoTracking().Where(o => fonds.Contains(o.FondsId)).Select(o => new { o.FondsId, o.Code }).ToListAsync(cancellationToken))
            .Select(o => (o.FondsId, o.Code)).ToHashSet();
        var added = false;
        foreach (var (fondsId, code) in wanted.Where(w => !existing.Contains(w)))
        {
            var unit = new OrgUnit { FondsId = fondsId, Code = code, Name = code };
            db.OrgUnits.Add(unit);
            CatalogueAudit.OrgUnitCreated(tx, unit, "（移交接收时新建）");
            added = true;
        }

        return added;
    }

    private static Record ToRecord(TransferItem item, DateTimeOffset now)
    {
        var record = JsonSerializer.Deserialize<Record>(item.RecordJson, JobJson.Options)
            ?? throw new JobFailedException($"第{item.RowNumber}行的档案条目数据无效");
        record.Id = item.RecordId;
        record.CreatedAt = now;
        record.UpdatedAt = now;
        return record;
    }

    /// <summary>Records that can no longer be added as checked (their 档号 or 件号 taken, their fonds gone), with why.</summary>
    private async Task<Dictionary<RecordId, string>> ConflictsAsync(IEnumerable<Record> records, CancellationToken cancellationToken)
    {
        var list = records.ToList();
        var codes = list.Select(r => r.ArchivalCode).ToList();
        var groups = list.Select(r => r.GroupKey).Distinct().ToList();
        var fonds = list.Select(r => r.FondsId).Distinct().ToList();
        var takenCodes = (await db.Records.AsNoTracking().Where(r => codes.Contains(r.ArchivalCode)).Select(r => new { r.Id, r.ArchivalCode }).ToListAsync(cancellationToken))
            .Where(r => list.All(x => x.Id != r.Id)).Select(r => r.ArchivalCode).ToHashSet(StringComparer.Ordinal);
        var numbers = list.Select(r => r.ItemNumber).Distinct().ToList();
        var takenNumbers = (await db.Records.AsNoTracking().Where(r => groups.Contains(r.GroupKey) && numbers.Contains(r.ItemNumber)).Select(r => new { r.GroupKey, r.ItemNumber }).ToListAsync(cancellationToken))
            .Select(r => (r.GroupKey, r.ItemNumber)).ToHashSet();
        var knownFonds = (await db.Fonds.AsNoTracking().Where(f => fonds.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken)).ToHashSet();
        var conflicts = new Dictionary<RecordId, string>();
        foreach (var record in list)
        {
            if (!knownFonds.Contains(record.FondsId))
            {
                conflicts[record.Id] = $"全宗“{record.FondsCode}”不存在";
            }
            else if (takenCodes.Contains(record.ArchivalCode))
            {
                conflicts[record.Id] = $"档号“{record.ArchivalCode}”在检测之后已被登记";
            }
            else if (takenNumbers.Contains((record.GroupKey, record.ItemNumber)))
            {
                conflicts[record.Id] = $"件号 {record.ItemNumber} 在检测之后已被占用（{record.ArchivalCode}）";
            }
        }

        return conflicts;
    }

    /// <summary>The record's history as it enters the archive (PREMIS events): ingestion, digests, formats, validation, accession.</summary>
    private static List<PreservationEvent> EventsOf(TransferPackage transfer, TransferItem item, Record record, List<RecordFile> files, ItemVerdict? verdict, DateTimeOffset now, string actor)
    {
        var events = new List<PreservationEvent>
        {
            new()
            {
                At = now, Type = PreservationEventTypes.Ingestion, Outcome = PreservationEventTypes.Success, Agent = "Lantai",
                Detail = $"由移交“{transfer.Name}”第{item.RowNumber}行接收，{files.Count}个文件", RecordId = record.Id, TransferId = transfer.Id,
            },
        };
        foreach (var file in files)
        {
            events.Add(new PreservationEvent
            {
                At = now,
                Type = PreservationEventTypes.MessageDigestCalculation,
                Outcome = PreservationEventTypes.Success,
                Agent = "Lantai",
                Detail = $"“{file.OriginalName}” SM3 {file.ObjectSm3}",
                RecordId = record.Id,
                ObjectSm3 = file.ObjectSm3,
                TransferId = transfer.Id,
            });
            events.Add(new PreservationEvent
            {
                At = now,
                Type = PreservationEventTypes.FormatIdentification,
                Outcome = file.FormatId == "unknown" ? PreservationEventTypes.Warning : PreservationEventTypes.Success,
                Agent = "Lantai",
                Detail = $"“{file.OriginalName}” 格式 {file.FormatId}（{file.MediaType}）",
                RecordId = record.Id,
                ObjectSm3 = file.ObjectSm3,
                TransferId = transfer.Id,
            });
        }

        if (verdict is not null)
        {
            events.Add(new PreservationEvent
            {
                At = verdict.CheckedAt,
                Type = PreservationEventTypes.Validation,
                Outcome = verdict.Outcome,
                Agent = "Lantai",
                Detail = verdict.Summary,
                RecordId = record.Id,
                TransferId = transfer.Id,
            });
        }

        events.Add(new PreservationEvent
        {
            At = now,
            Type = PreservationEventTypes.Accession,
            Outcome = PreservationEventTypes.Success,
            Agent = transfer.DecidedBy ?? actor,
            Detail = $"接收进馆，档号 {record.ArchivalCode}",
            RecordId = record.Id,
            TransferId = transfer.Id,
        });
        return events;
    }

    /// <summary>Each item's lines of the transfer's latest check run (its own lines and its files'), summarised.</summary>
    private async Task<IReadOnlyDictionary<Guid, ItemVerdict>> VerdictsAsync(Guid transferId, CheckRun? run, CancellationToken cancellationToken)
    {
        if (run is null)
        {
            return new Dictionary<Guid, ItemVerdict>();
        }

        // Counted by the database: the lines themselves (their evidence texts) are ~15 per item and not needed here.
        var counts = await db.CheckResults.AsNoTracking().Where(r => r.RunId == run.Id)
            .GroupBy(r => new { r.ItemId, r.FilePath, r.Outcome, r.Blocking })
            .Select(g => new { g.Key.ItemId, g.Key.FilePath, g.Key.Outcome, g.Key.Blocking, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var itemOfPath = await db.TransferFiles.AsNoTracking().Where(f => f.TransferId == transferId && f.ItemId != null)
            .Select(f => new { f.OriginalPath, f.ItemId }).ToDictionaryAsync(f => f.OriginalPath, f => f.ItemId!.Value, StringComparer.Ordinal, cancellationToken);
        return counts
            .Select(c => (Item: ItemVerdict.ItemOf(c.ItemId, c.FilePath, itemOfPath), Line: new ItemVerdict.LineCount(c.Outcome, c.Blocking, c.Count)))
            .Where(x => x.Item is not null)
            .GroupBy(x => x.Item!.Value, x => x.Line)
            .ToDictionary(g => g.Key, g => ItemVerdict.Of(g.ToList(), run.FinishedAt ?? run.StartedAt));
    }

    private async Task<TransferPackage> FinishAsync(Guid transferId, string actor, CancellationToken cancellationToken)
    {
        var transfer = await db.Transfers.SingleAsync(t => t.Id == transferId, cancellationToken);
        var states = await db.TransferItems.Where(i => i.TransferId == transferId).GroupBy(i => i.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var ingested = states.GetValueOrDefault(TransferItemState.Ingested);
        var everything = ingested == states.Values.Sum();
        var folder = folders.FolderOf(transfer);
        await using (var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken))
        {
            transfer.State = TransferState.Accepted;
            transfer.StoragePath = everything ? transfer.StoragePath : TransferFolders.QuarantinePathOf(transfer.Id);
            transfer.Version++;
            tx.Record("transfer.ingested", nameof(TransferPackage), transfer.Id.ToString(),
                $"移交“{transfer.Name}”接收完成：入库 {ingested} 件" + (everything ? "" : "，其余条目的文件留在隔离区"));
            await tx.CommitAsync(cancellationToken);
        }

        // After the commit: the staged copies are no longer needed once every item is in the store; otherwise the
        // package (with the items not taken) waits in quarantine for an administrator.
        if (Directory.Exists(folder))
        {
            if (everything)
            {
                Directory.Delete(folder, recursive: true);
            }
            else if (!string.Equals(folder, folders.QuarantineOf(transfer.Id), StringComparison.Ordinal))
            {
                // The ingested items' staged files are the store's objects under another name (hard links): they go
                // before the rest waits in quarantine, where nothing may alter an object through them.
                var content = Path.Combine(folder, "content");
                var taken = await db.TransferFiles.AsNoTracking()
                    .Where(f => f.TransferId == transferId && db.TransferItems.Any(i => i.Id == f.ItemId && i.State == TransferItemState.Ingested))
                    .Select(f => f.StagingKey).ToListAsync(cancellationToken);
                foreach (var key in taken)
                {
                    File.Delete(Path.Combine(content, key));
                }

                Directory.CreateDirectory(folders.QuarantineRoot);
                Directory.Move(folder, folders.QuarantineOf(transfer.Id));
            }
        }

        return transfer;
    }
}
