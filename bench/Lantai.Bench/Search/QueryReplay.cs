using System.Diagnostics;

namespace Lantai.Bench.Search;

/// <summary>
/// Replays the fixed queries on 1 or more workers, each its own connection or searcher: every worker runs the whole
/// list, starting at a different place, so two workers give twice the queries with both running at once.
/// </summary>
internal static class QueryReplay
{
    /// <param name="run">Runs one query for worker w; returns the hits it found (for the check that it did work) and whether a time limit stopped it.</param>
    public static async Task<LatencyResult> RunAsync(string engine, string what, IReadOnlyList<string> queries, int workers, Func<int, string, Task<(long Hits, bool TimedOut)>> run, int warmup = 100)
    {
        for (var i = 0; i < Math.Min(warmup, queries.Count); i++)
        {
            await run(0, queries[i]);
        }

        var latencies = new double[workers][];
        var slowest = new System.Collections.Concurrent.ConcurrentBag<(double Ms, string Query, long Hits)>();
        var hits = new long[workers];
        var timedOut = new int[workers];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = new double[queries.Count];
            var start = w * queries.Count / workers;
            for (var i = 0; i < queries.Count; i++)
            {
                var query = queries[(start + i) % queries.Count];
                var began = Stopwatch.GetTimestamp();
                var (found, stopped) = await run(w, query);
                mine[i] = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                slowest.Add((mine[i], query, found));
                hits[w] += found;
                timedOut[w] += stopped ? 1 : 0;
            }

            latencies[w] = mine;
        })));
        watch.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var result = new LatencyResult(engine, what, workers, all.Length, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), all[^1], all.Average(),
            all.Length / watch.Elapsed.TotalSeconds, hits.Sum() / (double)all.Length, timedOut.Sum(), Process.GetCurrentProcess().TotalProcessorTime - cpu);
        Console.WriteLine(result.Line());
        Console.WriteLine("           slowest: " + string.Join("  ", slowest.OrderByDescending(s => s.Ms).Take(5).Select(s => $"{s.Query} ({s.Ms:F0} ms, {s.Hits:N0} hits)")));
        Console.WriteLine($"           GC: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - gen2} gen2, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms; heap {GC.GetTotalMemory(false) / (1 << 20):N0} MB");
        return result;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
