using Lantai.Data;
using Lantai.Search;
using Lantai.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Bench.Search;

/// <summary>
/// Queries against the index: through <see cref="SearchService"/> resolved from the engine's own registrations (real
/// query building, access filter, facets, snippets, time limit), and — for the MMapDirectory / NIOFSDirectory
/// comparison, which SearchIndex does not let us choose — through a plain IndexSearcher with the same analyzer and the
/// staff fields and boosts, parsed by Lucene's MultiFieldQueryParser (AND).
/// </summary>
internal static class LuceneQueries
{
    public static ServiceProvider Services(string dataDir)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLantaiEngine(new DatabaseOptions { DataDir = dataDir });
        return services.BuildServiceProvider();
    }

    public static Func<int, string, Task<(long, bool)>> ThroughService(IServiceProvider provider, int workers, bool facets, SearchAudience audience)
    {
        var scopes = Enumerable.Range(0, workers).Select(_ => provider.CreateScope()).ToArray();
        var services = scopes.Select(s => s.ServiceProvider.GetRequiredService<SearchService>()).ToArray();
        return async (worker, query) =>
        {
            var request = new SearchRequest { Query = query, Audience = audience, Clearance = 100, IncludeFacets = facets, PageSize = 20 };
            var result = await services[worker].SearchAsync(request, CancellationToken.None);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"search \"{query}\": {result.Errors[0].Message}");
            }

            return (result.Value.Total, result.Value.TimedOut);
        };
    }

    public static (IDisposable Owner, Func<int, string, Task<(long, bool)>> Run) ThroughDirectory(string indexPath, bool mmap)
    {
        FSDirectory directory = mmap ? new MMapDirectory(new DirectoryInfo(indexPath)) : new NIOFSDirectory(new DirectoryInfo(indexPath));
        var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = SearchIndex.Similarity };
        var analyzer = new LantaiAnalyzer();
        var fields = SearchFields.StaffTextFields;
        var parser = new ThreadLocal<MultiFieldQueryParser>(() => new MultiFieldQueryParser(SearchIndex.Version, [.. fields.Keys], analyzer, fields.ToDictionary(f => f.Key, f => f.Value))
        {
            DefaultOperator = Operator.AND,
        });
        return (new Owner(reader, directory, analyzer, parser), (worker, query) =>
        {
            var parsed = parser.Value!.Parse(QueryParserBase.Escape(query).Replace("\\ ", " ", StringComparison.Ordinal));
            var top = searcher.Search(parsed, 20);
            foreach (var hit in top.ScoreDocs)
            {
                _ = searcher.Doc(hit.Doc);
            }

            return Task.FromResult(((long)top.TotalHits, false));
        });
    }

    private sealed class Owner(params IDisposable[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var part in parts)
            {
                part.Dispose();
            }
        }
    }
}
