using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Search.Content;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Search;

/// <summary>
/// Brings the index up to the database by reading the outbox from the cursor committed in the index (DESIGN.md §2),
/// in batches: every entry of a batch is applied, then the index is committed with the cursor the batch reached, so a
/// process killed at any point re-applies at most one batch when it comes back. Updates are idempotent (documents are
/// replaced by id), so re-applying is harmless. A records.imported entry (one per import, however many records) is
/// streamed, never loaded whole.
/// </summary>
public sealed class SearchIndexer(LantaiDbContext db, SearchIndex index, RecordContent content, DatabaseOptions options, TimeProvider time)
{
    /// <summary>Outside dependency injection (tests, tools): content text from the store and cache of the index's data folder, no OCR sources.</summary>
    public SearchIndexer(LantaiDbContext db, SearchIndex index)
        : this(db, index, new RecordContent(new ContentTextCache(index?.Options!, new Preservation.ObjectStore(index?.Options!)), []), index?.Options!, TimeProvider.System)
    {
    }

    /// <summary>Outbox entries per batch (one commit each); Lantai__Search__BatchSize overrides it (the crash tests use small batches).</summary>
    internal static int BatchSize { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("Lantai__Search__BatchSize"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1000;

    /// <summary>Threads that analyse documents for one writer (two: both cores of the reference machine).</summary>
    internal const int Threads = 2;

    /// <summary>
    /// Applies every outbox entry after the committed cursor; returns the number of entries applied. Throws
    /// <see cref="LockObtainFailedException"/> when another process holds the writer (use <see cref="TryCatchUpAsync"/>).
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await index.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var writer = index.Writer;
            var tracker = index.Tracker ??= new OutboxTracker(index.CommittedCursor);
            return await CatchUpAsync(writer, tracker, index.Commit, cancellationToken);
        }
        finally
        {
            index.WriteGate.Release();
        }
    }

    /// <summary>
    /// As <see cref="CatchUpAsync(CancellationToken)"/> when this process can take the writer; null when another
    /// process (the web server) holds it and keeps the index up to date itself. The CLI calls this before it searches.
    /// </summary>
    public async Task<int?> TryCatchUpAsync(CancellationToken cancellationToken)
    {
        if (!index.TryOpenWriter())
        {
            return null;
        }

        try
        {
            return await CatchUpAsync(cancellationToken);
        }
        catch (LockObtainFailedException)
        {
            return null;
        }
    }

    /// <summary>The catch-up loop on any writer: the live one, or a rebuild's new generation.</summary>
    internal async Task<int> CatchUpAsync(IndexWriter writer, OutboxTracker tracker, Action<long> commit, CancellationToken cancellationToken)
    {
        var applied = 0;
        while (true)
        {
            var batch = await db.OutboxMessages.AsNoTracking().Where(m => m.Id > tracker.ReadUpTo)
                .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            var filled = new List<OutboxMessage>();
            foreach (var (from, to) in tracker.OpenGaps)
            {
                filled.AddRange(await db.OutboxMessages.AsNoTracking().Where(m => m.Id >= from && m.Id <= to).ToListAsync(cancellationToken));
            }

            var expired = tracker.Expire(time.GetUtcNow());
            if (batch.Count == 0 && filled.Count == 0)
            {
                if (expired)
                {
                    commit(tracker.SafeCursor);
                }

                return applied;
            }

            await ApplyAsync(writer, [.. filled, .. batch], cancellationToken);
            tracker.Filled(filled.Select(m => m.Id));
            tracker.Read(batch.Select(m => m.Id), time.GetUtcNow());
            // The documents are in the writer but not committed: a kill here must lose nothing (the crash tests stop here).
            CrashPoints.Hit("index.batch-added");
            commit(tracker.SafeCursor);
            applied += batch.Count + filled.Count;
        }
    }

    private async Task ApplyAsync(IndexWriter writer, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var changed = new HashSet<RecordId>();
        var imports = new List<Guid>();
        foreach (var message in messages)
        {
            switch (message.Kind)
            {
                case OutboxKinds.RecordChanged or OutboxKinds.RecordDeleted when RecordId.TryParse(message.EntityId, CultureInfo.InvariantCulture, out var id):
                    changed.Add(id);
                    break;
                case OutboxKinds.RecordsImported when Guid.TryParse(message.EntityId, CultureInfo.InvariantCulture, out var importId):
                    imports.Add(importId);
                    break;
            }
        }

        var feed = await RecordFeed.CreateAsync(db, content, cancellationToken);
        await using var feeder = new DocumentFeeder(writer, content, replace: true, Threads, cancellationToken);
        foreach (var chunk in changed.Chunk(RecordFeed.ChunkSize))
        {
            var records = await RecordFeed.ForIndexing(db.Records.Where(r => chunk.Contains(r.Id))).ToListAsync(cancellationToken);
            var found = records.Select(r => r.Id).ToHashSet();
            foreach (var gone in chunk.Where(id => !found.Contains(id)))
            {
                writer.DeleteDocuments(new Term(SearchFields.Id, gone.ToString()));
            }

            await feed.PostAsync(records, feeder, cancellationToken);
        }

        foreach (var importId in imports.Distinct())
        {
            // A second context streams the import's records while the first answers the per-chunk file queries.
            await using var stream = LantaiDatabase.CreateContext(options);
            var records = RecordFeed.ForIndexing(stream.Records.Where(r => r.ImportId == importId).OrderBy(r => r.Id)).AsAsyncEnumerable();
            await feed.PostAllAsync(records, feeder, null, cancellationToken);
        }

        await feeder.CompleteAsync();
    }
}
