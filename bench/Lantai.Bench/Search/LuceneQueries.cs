using Lantai.Search;
using Lantai.Search.Analysis;
using Lantai.Search.Store;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Lantai.Bench.Search;

/// <summary>
/// Queries against the index: through <see cref="SearchService"/> (real query building, access filter inside the query,
/// facets, snippets, time limit), and — for the MMapDirectory / NIOFSDirectory
/// comparison, which SearchIndex does not let us choose — through a plain IndexSearcher with the same analyzer and the
/// staff fields and boosts, parsed by Lucene's MultiFieldQueryParser (AND).
/// </summary>
internal static class LuceneQueries
{
    /// <summary>
    /// SearchService over the index, without a database (code lists from the seed data, as the service does when it has
    /// no database): the database would only add labels to the hits. <paramref name="cache"/> off measures every search.
    /// </summary>
    public static Func<int, string, Task<(long, bool)>> ThroughService(SearchIndex index, bool facets, SearchAudience audience, bool cache = true)
    {
        var service = new SearchService(index) { CacheResults = cache };
        return async (worker, query) =>
        {
            var request = new SearchRequest { Query = query, Audience = audience, Clearance = 100, IncludeFacets = facets, PageSize = 20 };
            var result = await service.SearchAsync(request, CancellationToken.None);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"search \"{query}\" (worker {worker}): {result.Errors[0].Message}");
            }

            return (result.Value.Total, result.Value.TimedOut);
        };
    }

    /// <summary>A plain IndexSearcher over the index, read through Lucene.Net's MMapDirectory or NIOFSDirectory, or Lantai's MappedDirectory.</summary>
    public static (IDisposable Owner, Func<int, string, Task<(long, bool)>> Run) ThroughDirectory(string indexPath, string kind)
    {
        FSDirectory directory = kind switch
        {
            nameof(MMapDirectory) => new MMapDirectory(new DirectoryInfo(indexPath)),
            nameof(NIOFSDirectory) => new NIOFSDirectory(new DirectoryInfo(indexPath)),
            _ => new MappedDirectory(indexPath),
        };
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
        }
        );
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
