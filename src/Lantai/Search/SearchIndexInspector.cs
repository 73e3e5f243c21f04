using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Search;

/// <summary>Reads <see cref="SearchIndexStatus"/>: from the index (without taking the writer from a server) and the outbox.</summary>
public sealed class SearchIndexInspector(LantaiDbContext db, SearchIndex index)
{
    public async Task<SearchIndexStatus> GetAsync(CancellationToken cancellationToken)
    {
        index.Refresh();
        int documents;
        using (var lease = index.AcquireSearcher())
        {
            documents = lease.Searcher.IndexReader.NumDocs;
        }

        var cursor = index.CommittedCursor;
        var max = await db.OutboxMessages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        var pending = await db.OutboxMessages.LongCountAsync(m => m.Id > cursor, cancellationToken);
        var path = index.GenerationPath;
        var size = Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length) : 0;
        return new SearchIndexStatus
        {
            Generation = index.Generation,
            Path = path,
            Documents = documents,
            CommittedCursor = cursor,
            OutboxMaxId = max,
            PendingEntries = pending,
            SizeBytes = size,
            ReadOnly = index.IsReadOnly,
        };
    }
}
