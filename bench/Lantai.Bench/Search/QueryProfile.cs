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
        // LANTAI_PROFILE_QUERIES="档案,关于" profiles those queries instead of the replay's.
        if (Environment.GetEnvironmentVariable("LANTAI_PROFILE_QUERIES") is { Length: > 0 } only)
        {
            queries = [.. Enumerable.Repeat(only.Split(','), 10).SelectMany(q => q)];
        }

        var labels = SearchLabels.Default;
        var built = queries.Select(q => LuceneQueryBuilder.Build(q, SearchAudience.Staff, labels).Value.Query).ToList();
        var request = new SearchRequest { Audience = SearchAudience.Staff, Clearance = 100 };
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        Console.WriteLine($"segments: {searcher.IndexReader.Leaves.Count}, docs {searcher.IndexReader.MaxDoc:N0}");
        foreach (var q in built.Distinct().Take(4))
        {
            var terms = new HashSet<Lucene.Net.Index.Term>();
            searcher.Rewrite(q).ExtractTerms(terms);
            Console.WriteLine($"  {q}: " + string.Join(", ", terms.Select(t => $"{t.Field}:{t.Text} df {searcher.IndexReader.DocFreq(t):N0}")));
        }


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
            foreach (var windowed in new[] { false, true })
            {
                var options = new PassOptions(order, 21, null, facets ? SearchFields.StaffFacets : null, limit, TimeSpan.FromSeconds(10))
                {
                    ParallelMinPostings = 0,
                    MaxSlices = slices,
                    WindowedMinPostings = windowed ? 0 : long.MaxValue,
                };
                Layer($"SearchPass {slices} slice(s), facets {(facets ? limit == long.MaxValue ? "exact" : "100k+sample" : "off")}{(windowed ? ", windowed" : "")}", q => SearchPass.RunAsync(searcher, q, options, CancellationToken.None).GetAwaiter().GetResult());
            }
        }

        // The windowed matcher must find what Lucene's scorers find: the same total and the same top hits.
        var differ = 0;
        foreach (var q in built.Distinct())
        {
            var daat = await SearchPass.RunAsync(searcher, q, new PassOptions(order, 21, null, null, 0, TimeSpan.FromSeconds(10)) { WindowedMinPostings = long.MaxValue }, CancellationToken.None);
            var taat = await SearchPass.RunAsync(searcher, q, new PassOptions(order, 21, null, null, 0, TimeSpan.FromSeconds(10)) { WindowedMinPostings = 0 }, CancellationToken.None);
            if (daat.Total != taat.Total || !daat.Top.Select(d => d.Doc).SequenceEqual(taat.Top.Select(d => d.Doc)))
            {
                differ++;
                if (differ <= 5)
                {
                    Console.WriteLine($"  differs: {q}: total {daat.Total:N0} / {taat.Total:N0}; top {string.Join(',', daat.Top.Take(5).Select(d => $"{d.Doc}:{d.Score}"))} / {string.Join(',', taat.Top.Take(5).Select(d => $"{d.Doc}:{d.Score}"))}");
                }
            }
        }

        Console.WriteLine($"  windowed vs Lucene's scorers: {differ} of {built.Distinct().Count()} queries differ in total or top 21");

        var texts = queries.ToList();
        var t = 0;
        Layer("parse + analyse + build (LuceneQueryBuilder)", _ => LuceneQueryBuilder.Build(texts[t++ % texts.Count], SearchAudience.Staff, labels));
        Layer("access filter choice (AccessFilter.For)", _ => AccessFilter.For(request, labels.Rules, searcher.IndexReader));
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

        // A model of the same replay at 10 times the records: a query's cost is a fixed part (parsing, hit loading,
        // snippets: the median of the queries with under 1,000 hits) plus a part in proportion to its hits, which
        // grows tenfold. One slice, cache off, one thread, thread CPU time; the estimates assume the same CPU speed.
        var single = new SearchService(index) { CacheResults = false, MaxSlices = 1 };
        var measured = new List<(string Query, double Ms, long Hits)>();
        foreach (var query in queries.Distinct(StringComparer.Ordinal))
        {
            var began = Stopwatch.GetTimestamp();
            var response = (await single.SearchAsync(request with { Query = query }, CancellationToken.None)).Value;
            measured.Add((query, Stopwatch.GetElapsedTime(began).TotalMilliseconds, response.Total));
        }

        var fixedMs = Median([.. measured.Where(m => m.Hits < 1000).Select(m => m.Ms)]);
        var perQuery = measured.ToDictionary(m => m.Query, m => fixedMs + (10 * Math.Max(0, m.Ms - fixedMs)), StringComparer.Ordinal);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  model: fixed part {fixedMs:F2} ms; distinct queries {measured.Count}; at 1x: p50 {P(measured.Select(m => m.Ms), 0.5):F1} p95 {P(measured.Select(m => m.Ms), 0.95):F1} p99 {P(measured.Select(m => m.Ms), 0.99):F1} ms"));
        foreach (var (what, list) in new[] { ("cold (distinct)", queries.Distinct(StringComparer.Ordinal).ToList()), ("warm (replay, repeats from cache at 1 ms)", queries.ToList()) })
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var ms = list.Select(q => seen.Add(q) ? perQuery[q] : 1.0).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  model 10x, {what}: one core p50 {P(ms, 0.5):F0} p95 {P(ms, 0.95):F0} p99 {P(ms, 0.99):F0} ms; two free cores (slices) p95 {P(ms, 0.95) / 2:F0} p99 {P(ms, 0.99) / 2:F0} ms"));
        }

        Console.WriteLine("  largest: " + string.Join("  ", measured.OrderByDescending(m => m.Hits).Take(12).Select(m => $"{m.Query} {m.Hits:N0} ({m.Ms:F0} ms)")));
    }

    /// <summary>
    /// The slowest distinct queries of the replay, each searched once with Lucene's scorers and once windowed, one
    /// slice, facets on, cache off, back to back (so both see the same load): where the tail of the latency is.
    /// </summary>
    public static async Task TailAsync(SearchIndex index, IReadOnlyList<string> queries)
    {
        var request = new SearchRequest { Audience = SearchAudience.Staff, Clearance = 100, IncludeFacets = true };
        var lucene = new SearchService(index) { CacheResults = false, MaxSlices = 1, WindowedMinPostings = long.MaxValue };
        var windowed = new SearchService(index) { CacheResults = false, MaxSlices = 1, WindowedMinPostings = 0 };
        var measured = new List<(string Query, double Lucene, double Windowed, long Hits)>();
        foreach (var query in queries.Distinct(StringComparer.Ordinal))
        {
            var began = Stopwatch.GetTimestamp();
            var response = (await lucene.SearchAsync(request with { Query = query }, CancellationToken.None)).Value;
            var middle = Stopwatch.GetTimestamp();
            await windowed.SearchAsync(request with { Query = query }, CancellationToken.None);
            measured.Add((query, Stopwatch.GetElapsedTime(began, middle).TotalMilliseconds, Stopwatch.GetElapsedTime(middle).TotalMilliseconds, response.Total));
        }

        var slowest = measured.OrderByDescending(m => m.Windowed).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {measured.Count} distinct queries, one slice, facets on: sum {measured.Sum(m => m.Lucene):F0} ms Lucene's scorers, {measured.Sum(m => m.Windowed):F0} ms windowed; p90 {P(measured.Select(m => m.Lucene), 0.9):F1} / {P(measured.Select(m => m.Windowed), 0.9):F1} ms"));
        foreach (var m in slowest.Take(60))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {m.Windowed,7:F1} ms windowed {m.Lucene,7:F1} ms Lucene {m.Hits,11:N0} hits  {m.Query}"));
        }
    }

    private static double Median(double[] values) => values.Length == 0 ? 0 : P(values, 0.5);

    private static double P(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
