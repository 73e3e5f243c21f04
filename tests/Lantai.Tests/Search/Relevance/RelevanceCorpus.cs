using Lantai.Catalogue.Import;
using Lantai.Search;
using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Search.Relevance;

/// <summary>
/// The relevance corpus loaded once per test class: imported through the real catalogue import (CatalogueImporter, one
/// records.imported outbox entry) into SQLite and indexed by the real outbox consumer (SearchIndexer.CatchUpAsync). The
/// index does not depend on the database provider, so one provider is enough here; the indexer's own tests cover both.
/// </summary>
public sealed class RelevanceCorpus : IAsyncLifetime, IDisposable
{
    /// <summary>The highest classification rank (绝密): staff queries of the set see everything.</summary>
    public const int FullClearance = 4;

    private TestDatabase? _database;
    private SearchIndex? _index;

    public RelevanceSet Set { get; } = RelevanceSet.LoadDefault();

    public int Imported { get; private set; }

    public int Indexed { get; private set; }

    public SearchService Search => new(_index ?? throw new InvalidOperationException("The corpus is not loaded."));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = _database.CreateContext();
        var imported = await new CatalogueImporter(db, TimeProvider.System).CommitAsync(
            ImportSource.FromFile(Set.CorpusPath), ImportOptions.Default, "relevance", null, default);
        if (!imported.Succeeded)
        {
            throw new InvalidOperationException("corpus.csv did not import: " + string.Join("\n", imported.Errors.Select(e => e.Message)));
        }

        Imported = imported.Value.RecordCount;
        _index = new SearchIndex(_database.Options);
        await new SearchIndexer(db, _index).CatchUpAsync(default);
        var searcher = _index.Searchers.Acquire();
        try
        {
            Indexed = searcher.IndexReader.NumDocs;
        }
        finally
        {
            _index.Searchers.Release(searcher);
        }
    }

    /// <summary>Runs one query of the set as its audience and returns the archival codes of the first 50 hits.</summary>
    public async Task<IReadOnlyList<string>> RankAsync(RelevanceSet.Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = await Search.SearchAsync(new SearchRequest
        {
            Query = query.Text,
            Audience = query.IsPublic ? SearchAudience.Public : SearchAudience.Staff,
            Clearance = query.IsPublic ? 0 : FullClearance,
            PageSize = 50,
            IncludeFacets = false,
            IncludeSnippets = false,
        }, default);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{query}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }

        return [.. result.Value.Hits.Select(h => h.ArchivalCode)];
    }

    public void Dispose() => _index?.Dispose();

    public async Task DisposeAsync()
    {
        Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
