using System.Diagnostics;
using System.Globalization;
using Lantai.Catalogue;
using Lantai.Search;
using Lantai.Search.Query;
using Lucene.Net.Search;

namespace Lantai.Bench.Search;

/// <summary>
/// Where a query's time goes: the same queries run layer by layer on one thread (matching only, + BM25 top-k, + the
/// access filter, + facet counting, then the whole SearchService with and without facets), CPU time of this thread.
/// </summary>
internal static class QueryProfile
{
    public static async Task RunAsync(SearchIndex index, IReadOnlyList<string> queries)
    {
        var labels = SearchLabels.Default;
        var built = queries.Select(q => LuceneQueryBuilder.Build(q, SearchAudience.Staff, labels).Value.Query).ToList();
        var request = new SearchRequest { Audience = SearchAudience.Staff, Clearance = 100 };
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        Console.WriteLine($"segments: {searcher.IndexReader.Leaves.Count}, docs {searcher.IndexReader.MaxDoc:N0}");

        void Layer(string what, Action<Lucene.Net.Search.Query> run)
        {
            foreach (var q in built.Take(30))
            {
                run(q);
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var q in built)
            {
                run(q);
            }

            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-48} cpu {used.TotalMilliseconds / built.Count,7:F2} ms/q  wall {watch.Elapsed.TotalMilliseconds / built.Count,7:F2} ms/q"));
        }

        Layer("match only (TotalHitCountCollector)", q => searcher.Search(q, new TotalHitCountCollector()));
        Layer("BM25 top 21", q => searcher.Search(q, TopScoreDocCollector.Create(21, null, true)));
        var staff = AccessFilter.Staff(labels.Rules.VisibleClassifications(100));
        Layer("BM25 top 21, staff filter (bit set)", q => searcher.Search(new FilteredQuery(q, staff), TopScoreDocCollector.Create(21, null, true)));
        Layer("BM25 top 21, public filter (bit set)", q => searcher.Search(new FilteredQuery(q, AccessFilter.Public), TopScoreDocCollector.Create(21, null, true)));
        Layer("BM25 top 21, staff filter (leapfrog, as before)", q => searcher.Search(new FilteredQuery(q, new CachingWrapperFilter(new QueryWrapperFilter(new ConstantScoreQuery(staff)))), TopScoreDocCollector.Create(21, null, true)));
        var order = SearchOrder.For(SearchSort.Relevance);
        foreach (var (slices, facets, limit) in new[] { (1, false, 0L), (1, true, long.MaxValue), (1, true, SearchService.DefaultFacetExactLimit), (2, false, 0L), (2, true, SearchService.DefaultFacetExactLimit) })
        {
            var options = new PassOptions(order, 21, null, facets ? SearchFields.StaffFacets : null, limit, TimeSpan.FromSeconds(10)) { ParallelMinDocs = 0, MaxSlices = slices };
            Layer($"SearchPass {slices} slice(s), facets {(facets ? limit == long.MaxValue ? "exact" : "100k+sample" : "off")}", q => SearchPass.RunAsync(searcher, q, options, CancellationToken.None).GetAwaiter().GetResult());
        }

        var service = new SearchService(index) { CacheResults = false };
        foreach (var facets in new[] { false, true })
        {
            foreach (var snippets in new[] { false, true })
            {
                var r = request with { IncludeFacets = facets, IncludeSnippets = snippets };
                var list = queries.ToList();
                var i = 0;
                Layer($"SearchService facets {(facets ? "on" : "off")}, snippets {(snippets ? "on" : "off")}", _ => service.SearchAsync(r with { Query = list[i++ % list.Count] }, CancellationToken.None).GetAwaiter().GetResult());
            }
        }

        await Task.CompletedTask;
    }
}
