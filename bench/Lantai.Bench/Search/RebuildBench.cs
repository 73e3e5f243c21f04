using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Lantai.Bench.Import;
using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Search;
using Lantai.Search.Content;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Bench.Search;

/// <summary>
/// <c>lantai index rebuild</c>'s real path on a real catalogue: <see cref="SearchIndexRebuilder.RebuildAsync"/> on a
/// SQLite or PostgreSQL database of N records, with, in the same run, what its parts cost alone: the plain ADO.NET read
/// of the same rows in id order (the reference), EF's read (the rebuilder's own query) and that read with the
/// search documents built (no writer). CPU is this process's plus, on PostgreSQL, the server's.
/// </summary>
internal static class RebuildBench
{
    public static async Task<List<IndexingResult>> RunAsync(RebuildDatabase database, bool forceMergeCompare)
    {
        var results = new List<IndexingResult>();
        var options = database.Options;
        long total;
        await using (var db = LantaiDatabase.CreateContext(options))
        {
            total = await db.Records.LongCountAsync();
        }

        // The raw read first: it also brings the catalogue into the page cache for every run after it.
        results.Add(await MeasureAsync($"{database.Provider}: raw read (ADO.NET, every column, id order)", total, options, async () => await RawReadAsync(options)));
        // Above 2,000,000 records only the reference read and the rebuild itself (the parts alone are measured at 1,000,000).
        var parts = total <= 2_000_000;
        if (parts)
        {
            await MeasurePartsAsync(database, results, total);
        }

        database.DeleteIndex();
        results.Add(await RebuildAsync(database, total, forceMergeCompare));
        return results;
    }

    private static async Task MeasurePartsAsync(RebuildDatabase database, List<IndexingResult> results, long total)
    {
        var options = database.Options;
        results.Add(await MeasureAsync($"{database.Provider}: EF read, whole entities (AsNoTracking)", total, options, async () =>
        {
            await using var db = LantaiDatabase.CreateContext(options);
            long n = 0;
            await foreach (var r in db.Records.AsNoTracking().OrderBy(r => r.Id).AsAsyncEnumerable())
            {
                n += r.Title.Length > 0 ? 1 : 0;
            }

            return n;
        }));
        results.Add(await MeasureAsync($"{database.Provider}: EF read, RecordFeed.ForIndexing (rebuilder's query)", total, options, async () =>
        {
            await using var db = LantaiDatabase.CreateContext(options);
            long n = 0;
            await foreach (var r in RecordFeed.ForIndexing(db.Records.OrderBy(r => r.Id)).AsAsyncEnumerable())
            {
                n += r.Title.Length > 0 ? 1 : 0;
            }

            return n;
        }));
        results.Add(await MeasureAsync($"{database.Provider}: ForIndexing read + build documents (no writer)", total, options, async () =>
        {
            await using var db = LantaiDatabase.CreateContext(options);
            var names = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => (o.FondsId, o.Code), o => o.Name);
            long n = 0;
            await foreach (var r in RecordFeed.ForIndexing(db.Records.OrderBy(r => r.Id)).AsAsyncEnumerable())
            {
                n += SearchDocumentBuilder.Build(new SearchSource(r, names.GetValueOrDefault((r.FondsId, r.OrgUnitCode)), null)).Fields.Count > 0 ? 1 : 0;
            }

            return n;
        }));

        // The writer alone on the same records (generated, as the database holds them), two feeding threads, no database.
        var scratch = Path.Combine(database.Options.DataDir, "writer-alone");
        results.Add(IndexingBench.ThroughRebuildWriter($"{database.Provider}: the rebuild's writer alone, generated records", scratch, total, SearchIndexer.Threads));
        System.IO.Directory.Delete(scratch, recursive: true);
    }

    private static async Task<long> RawReadAsync(DatabaseOptions options)
    {
        await using var db = LantaiDatabase.CreateContext(options);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM \"Records\" ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync();
        long n = 0;
        long chars = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            chars += values.Length;
            n++;
        }

        return chars > 0 ? n : 0;
    }

    private static async Task<IndexingResult> MeasureAsync(string what, long total, DatabaseOptions options, Func<Task<long>> run)
    {
        await using var memory = MemorySampler.Start();
        var server = ServerCpu.Postgres();
        var load = ImportBenchmark.LoadAverage();
        var watch = Stopwatch.StartNew();
        var n = await run();
        watch.Stop();
        var serverCpu = options.IsPostgres ? ServerCpu.Postgres() - server : TimeSpan.Zero;
        if (n != total)
        {
            throw new InvalidOperationException($"{what}: {n} records, expected {total}");
        }

        var notes = string.Create(CultureInfo.InvariantCulture,
            $"{(options.IsPostgres ? $"server CPU {serverCpu.TotalMilliseconds * 1000 / n:F1} µs/rec; " : "")}peak {memory.PeakWorkingSet / 1048576.0:N0} MB working set, {memory.PeakManaged / 1048576.0:N0} MB managed; load {load} → {ImportBenchmark.LoadAverage()}");
        var r = new IndexingResult(what, 0, n, watch.Elapsed, watch.Elapsed, 0, 0, memory.CpuTime, notes);
        Console.WriteLine(r.Line());
        return r;
    }

    private static async Task<IndexingResult> RebuildAsync(RebuildDatabase database, long total, bool forceMergeCompare)
    {
        var options = database.Options;
        await using var db = LantaiDatabase.CreateContext(options);
        using var index = new SearchIndex(options);
        var content = new RecordContent(new ContentTextCache(options, new ObjectStore(options)), []);
        var indexer = new SearchIndexer(db, index, content, options, TimeProvider.System);
        var rebuilder = new SearchIndexRebuilder(db, index, indexer, content, options, TimeProvider.System);
        var progress = new Quartiles(total);
        await using var memory = MemorySampler.Start();
        var server = ServerCpu.Postgres();
        var load = ImportBenchmark.LoadAverage();
        var watch = Stopwatch.StartNew();
        var result = await rebuilder.RebuildAsync(progress, default);
        watch.Stop();
        var serverCpu = options.IsPostgres ? ServerCpu.Postgres() - server : TimeSpan.Zero;
        var path = index.GenerationPath;
        var files = System.IO.Directory.GetFiles(path);
        var segments = files.Count(f => f.EndsWith(".si", StringComparison.Ordinal));
        var size = files.Sum(f => new FileInfo(f).Length);
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"{(options.IsPostgres ? $"server CPU {serverCpu.TotalMilliseconds * 1000 / total:F1} µs/rec; " : "")}{segments} segments, {size / 1048576.0:N0} MB; working set at 25/50/75/100 %: {progress.Describe()} MB, peak {memory.PeakWorkingSet / 1048576.0:N0} MB, managed peak {memory.PeakManaged / 1048576.0:N0} MB; load {load} → {ImportBenchmark.LoadAverage()}; phases: {progress.Phases(watch.Elapsed)}");
        var r = new IndexingResult($"{database.Provider}: SearchIndexRebuilder.RebuildAsync", SearchIndexer.Threads, result.Records, watch.Elapsed, watch.Elapsed, 0, 0, memory.CpuTime, notes);
        Console.WriteLine(r.Line());
        if (forceMergeCompare)
        {
            await ForceMergeCompareAsync(index, result.Cursor);
        }

        return r;
    }

    /// <summary>
    /// Query speed on the rebuilt index as it is, then after a ForceMerge to one segment (timed), then again as it was
    /// measured first: a short replay (the first 300 queries, one thread, facets off and on), so the cost of merging
    /// before the swap can be weighed against what searches gain.
    /// </summary>
    /// <summary>The ForceMerge comparison on a kept index (a data folder with index/): it is merged in place, so pass a copy.</summary>
    public static async Task ForceMergeCompareAsync(string dataDir)
    {
        using var index = new SearchIndex(new DatabaseOptions { DataDir = dataDir });
        await ForceMergeCompareAsync(index, index.CommittedCursor);
    }

    private static async Task ForceMergeCompareAsync(SearchIndex index, long cursor)
    {
        var queries = SearchCorpus.Queries(1000).Take(300).ToList();
        async Task ReplayAsync(string state)
        {
            foreach (var facets in new[] { false, true })
            {
                await QueryReplay.RunAsync("Lucene", $"{state}, facets {(facets ? "on" : "off")}", queries, 1, LuceneQueries.ThroughService(index, facets, SearchAudience.Staff), warmup: 50);
            }
        }

        await ReplayAsync("warm-up");
        await ReplayAsync($"as rebuilt ({Segments(index)} segments)");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var writer = index.Writer;
        writer.ForceMerge(1);
        index.Commit(cursor);
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ForceMerge(1): {watch.Elapsed.TotalSeconds:F1} s, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s, load {ImportBenchmark.LoadAverage()}"));
        await ReplayAsync($"force-merged ({Segments(index)} segment)");
    }

    private static int Segments(SearchIndex index)
    {
        using var lease = index.AcquireSearcher();
        return lease.Searcher.IndexReader.Leaves.Count;
    }

    /// <summary>The working set when the rebuild passes each quarter, and when each phase (by its progress text) began.</summary>
    private sealed class Quartiles(long total) : IProgress<JobProgress>
    {
        private readonly long[] _workingSet = new long[4];
        private readonly List<(string Text, TimeSpan At)> _phases = [];
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        public void Report(JobProgress value)
        {
            lock (_phases)
            {
                if (_phases.Count == 0 || _phases[^1].Text != value.Message)
                {
                    _phases.Add((value.Message ?? "", _watch.Elapsed));
                }
            }

            for (var q = 0; q < 4; q++)
            {
                if (_workingSet[q] == 0 && value.Done >= total * (q + 1) / 4)
                {
                    using var process = Process.GetCurrentProcess();
                    _workingSet[q] = process.WorkingSet64;
                }
            }
        }

        public string Describe() => string.Join(" / ", _workingSet.Select(w => (w / 1048576.0).ToString("N0", CultureInfo.InvariantCulture)));

        public string Phases(TimeSpan end)
        {
            lock (_phases)
            {
                return string.Join(", ", _phases.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{p.Text} {((i + 1 < _phases.Count ? _phases[i + 1].At : end) - p.At).TotalSeconds:F1} s")));
            }
        }
    }
}
