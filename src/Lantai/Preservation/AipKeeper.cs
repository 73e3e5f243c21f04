using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Preservation;

/// <summary>
/// Writes the AIPs that are wanted: the ingest adds one outbox message of kind <see cref="OutboxKinds.AipWanted"/>
/// per record in the same transaction as the record (DESIGN.md §2), so the AIP is a derivative written after the
/// commit, off the ingest's critical path, and a record committed without its AIP gets it on the next run (the job
/// <see cref="AipJob"/>, queued by the ingest and again at every server start while any are pending, and by
/// `lantai transfer resume`). A batch of AIPs is made durable (syncfs) before its messages are deleted: a crash in
/// between only means the same bags are written again (the writer replaces a bag whole). One keeper at a time per
/// archive, across processes (a lock file beside the AIPs). The ingest job runs a keeper beside the ingest
/// (<see cref="AipFeed"/>), so a transfer's AIPs are written while its later batches are still being ingested.
/// </summary>
public sealed class AipKeeper(LantaiDbContext db, AipSource source, AipWriter writer, DatabaseOptions options)
{
    /// <summary>Records per round: loaded with a fixed number of queries, written, synced, then their messages deleted.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>How many records still wait for their AIP.</summary>
    public Task<int> PendingAsync(CancellationToken cancellationToken) =>
        db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.AipWanted, cancellationToken);

    /// <summary>Whether the record's AIP is still to be written.</summary>
    public Task<bool> IsPendingAsync(RecordId recordId, CancellationToken cancellationToken)
    {
        var id = recordId.ToString();
        return db.OutboxMessages.AnyAsync(m => m.Kind == OutboxKinds.AipWanted && m.EntityId == id, cancellationToken);
    }

    /// <summary>
    /// Writes every wanted AIP; returns how many records were handled, or null when another keeper (this or another
    /// process) holds the archive's AIP lock — it writes them then.
    /// </summary>
    public Task<int?> CatchUpAsync(IProgress<JobProgress>? progress, CancellationToken cancellationToken) =>
        CatchUpAsync(progress, null, cancellationToken);

    /// <summary>
    /// As <see cref="CatchUpAsync(IProgress{JobProgress}?, CancellationToken)"/>, following an ingest that runs at the
    /// same time when <paramref name="feed"/> is given: when nothing is wanted it waits for the ingest's next commit,
    /// and it returns once the ingest has ended and every AIP wanted by then is written.
    /// </summary>
    public async Task<int?> CatchUpAsync(IProgress<JobProgress>? progress, AipFeed? feed, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(writer.Root);
        FileStream gate;
        try
        {
            gate = new FileStream(Path.Combine(writer.Root, ".keeper.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        await using (gate)
        {
            // The lock file says "running" from here until a clean end: found so at the start, a keeper (or a bag
            // being replaced) stopped half way and may have left temporary folders; they are swept once, here, instead
            // of listing the record's folder before every bag.
            if (gate.Length > 0 || writer.LeftoversPossible)
            {
                writer.RemoveLeftovers();
            }

            gate.SetLength(0);
            gate.Write("running\n"u8);
            gate.Flush();

            var total = await PendingAsync(cancellationToken);
            var done = 0;
            progress?.Report(new JobProgress(0, total, $"待写入 AIP {total:N0} 件"));
            while (true)
            {
                // Read before the query: records committed after it are seen on the next round, after the feed's signal.
                var ended = feed?.Ended ?? true;
                var batch = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.AipWanted)
                    .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    if (ended)
                    {
                        break;
                    }

                    await feed!.WaitAsync(cancellationToken);
                    continue;
                }

                var ids = batch.Select(m => RecordId.Parse(m.EntityId, CultureInfo.InvariantCulture)).Distinct().ToList();
                var contents = await source.LoadManyAsync(ids, cancellationToken);
                // Building a bag is CPU work (XML, JSON, digests of the tag files) and small writes: two at once, one per core.
                await Parallel.ForEachAsync(contents.Values, new ParallelOptions { MaxDegreeOfParallelism = Writers, CancellationToken = cancellationToken },
                    (content, token) => new ValueTask(writer.WriteKeptAsync(content, token)));
                if (FileSync.IsAvailable)
                {
                    FileSync.SyncFileSystem(writer.Root); // the bags durable before the messages that ask for them go
                }

                CrashPoints.Hit("aip.written");
                var messageIds = batch.Select(m => m.Id).ToList();
                await db.OutboxMessages.Where(m => messageIds.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
                done += batch.Count;
                total = Math.Max(total, done);
                progress?.Report(new JobProgress(done, total, $"已写入 AIP {done:N0} / {total:N0} 件"));
            }

            if (!writer.LeftoversPossible)
            {
                gate.SetLength(0); // a clean end: nothing to sweep next time
            }

            return done;
        }
    }

    /// <summary>How many bags are written at once (two: one per core).</summary>
    public int Writers { get; init; } = 2;

    /// <summary>
    /// Writes the record's AIP into a folder of its own under {DataDir}/cache (for a download asked for before the keeper
    /// got to it); the caller deletes <see cref="TemporaryAip.Folder"/> when done. Null when there is no such record.
    /// </summary>
    public async Task<TemporaryAip?> WriteTemporaryAsync(RecordId recordId, CancellationToken cancellationToken)
    {
        var content = await source.LoadAsync(recordId, cancellationToken);
        if (content is null)
        {
            return null;
        }

        var folder = Path.Combine(options.DataDir, "cache", "aip-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = await writer.WriteAsync(content, Path.Combine(folder, recordId.Value.ToString("D")), cancellationToken);
            return new TemporaryAip(folder, written.Path);
        }
        catch
        {
            TemporaryAip.Delete(folder);
            throw;
        }
    }
}
