using System.Diagnostics;
using Lantai.Common;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Search.Content;
using Lantai.Search.Store;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Search;

/// <summary>
/// Rebuilds the index from the database (and the content text cache / store) into a NEW generation folder while
/// searches go on being served from the live one: the outbox's highest id is taken first as the new index's cursor,
/// every record is streamed in id order into a writer fed by two threads (no per-record commits), the new index then
/// catches up from the outbox, and only then is the pointer swapped. Killed at any point before the swap, the live
/// index is untouched and the half-built folder is deleted as stale.
/// </summary>
public sealed class SearchIndexRebuilder(LantaiDbContext db, SearchIndex index, SearchIndexer indexer, RecordContent content, DatabaseOptions options, TimeProvider time)
{
    /// <summary>Memory for documents before Lucene writes a segment: larger means fewer, bigger flushes and merges.</summary>
    internal const double RebuildRamBufferMb = 256;

    /// <summary>Ids below the start cursor that are checked for transactions still in flight (PostgreSQL).</summary>
    private const long GapWindow = 10_000;

    /// <summary>Runs when the new generation is complete and committed, just before the swap (tests look at the live index there).</summary>
    internal Action? BeforeSwap { get; set; }

    public async Task<SearchRebuildResult> RebuildAsync(IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var generation = SearchIndex.NewGenerationName();
        using var build = GenerationBuild.Begin(index.Root, generation);
        var path = Path.Combine(index.Root, generation);

        // The cursor first, the records after: every change the snapshot misses has an id above it (or in a gap below it).
        var start = await db.OutboxMessages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        var tracker = new OutboxTracker(start);
        if (options.IsPostgres && start > 0)
        {
            var present = await db.OutboxMessages.Where(m => m.Id > start - GapWindow && m.Id <= start).Select(m => m.Id).OrderBy(id => id).ToListAsync(cancellationToken);
            var expected = Math.Max(1, start - GapWindow + 1);
            foreach (var id in present)
            {
                tracker.AddGap(expected, id - 1, time.GetUtcNow());
                expected = id + 1;
            }
        }

        var total = await db.Records.LongCountAsync(cancellationToken);
        progress?.Report(new JobProgress(0, total, "写入文档"));
        var directory = new MappedDirectory(path);
        IndexWriter? writer = null;
        try
        {
            writer = index.OpenWriter(directory, RebuildRamBufferMb, bulk: true);
            long indexed;
            await using (var stream = LantaiDatabase.CreateContext(options))
            {
                var feed = await RecordFeed.CreateAsync(db, content, cancellationToken);
                await using var feeder = new DocumentFeeder(writer, content, replace: false, SearchIndexer.Threads, cancellationToken);
                var records = RecordFeed.ForIndexing(stream.Records.OrderBy(r => r.Id)).AsAsyncEnumerable();
                await feed.PostAllAsync(records, feeder, posted => progress?.Report(new JobProgress(Math.Max(0, posted - 4096), total, "写入文档")), cancellationToken);
                await feeder.CompleteAsync();
                indexed = feeder.Added;
            }

            CrashPoints.Hit("rebuild.documents-added");
            Commit(writer, tracker.SafeCursor);
            progress?.Report(new JobProgress(indexed, total, "追赶重建期间的更改"));
            var caughtUp = await indexer.CatchUpAsync(writer, tracker, cursor => Commit(writer, cursor), cancellationToken);
            BeforeSwap?.Invoke();
            CrashPoints.Hit("rebuild.before-swap");

            // Swap. When this process is the live index's writer it adopts the new writer (no moment without one);
            // otherwise the writer is closed so the process that indexes (the server) can take it when it follows.
            var adopt = !index.IsReadOnly;
            if (!adopt)
            {
                writer.Dispose();
                directory.Dispose();
                writer = null;
            }

            SearchIndex.WritePointer(index.Root, generation);
            index.SwitchTo(generation, writer, tracker);
            writer = null;
            progress?.Report(new JobProgress(indexed, total, "已切换到新索引"));
            return new SearchRebuildResult(generation, indexed, caughtUp, tracker.SafeCursor, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            if (writer is not null)
            {
                writer.Rollback();
                writer.Dispose();
                directory.Dispose();
            }
        }
    }

    private static void Commit(IndexWriter writer, long cursor)
    {
        writer.SetCommitData(SearchIndex.CommitData(cursor));
        writer.Commit();
    }
}
