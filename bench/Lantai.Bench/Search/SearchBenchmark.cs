using System.Globalization;
using Lantai.Bench.Import;
using Lantai.Search;
using Lantai.Search.Analysis;
using Lantai.Search.Query;
using Lantai.Search.Store;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Lantai.Bench.Search;

/// <summary>
/// Search: indexing rate (with where the time goes), full-text rate, and query latency for a fixed replay of 1,000
/// queries through <see cref="SearchService"/>, with PostgreSQL pg_trgm and SQLite FTS5 trigram as baselines on the
/// same records and queries in the same run. Prints Markdown tables.
/// </summary>
internal static class SearchBenchmark
{
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=lantai;Password=lantai;Database=postgres";

    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--records": o.Records = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--sample": o.Sample = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--fulltext": o.FullText = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--queries": o.Queries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--baseline-queries": o.BaselineQueries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--ranked-queries": o.RankedQueries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--index-threads": o.IndexThreads = [.. args[++i].Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))]; break;
                case "--dir": o.Dir = args[++i]; break;
                case "--pg": o.Postgres = args[++i]; break;
                case "--no-pg": o.UsePostgres = false; break;
                case "--no-sqlite": o.UseSqlite = false; break;
                case "--only": o.Only.Add(args[++i]); break;
                case "--keep": o.Keep = true; break;
                case "--windowed-min": o.WindowedMinPostings = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rebuild-on": o.RebuildOn = [.. args[++i].Split(',')]; break;
                case "--force-merge": o.ForceMerge = true; break;
                case "--lean-db": o.LeanDatabase = true; break;
                case "--force-merge-copy":
                    await RebuildBench.ForceMergeCompareAsync(args[++i]);
                    return 0;
                case "--relevance": return await RelevanceBaseline.RunAsync(args[(i + 1)..], DefaultPostgres);
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        o.Dir ??= Path.Combine(Path.GetTempPath(), "lantai-bench-search");
        System.IO.Directory.CreateDirectory(o.Dir);
        var (sqliteVersion, trigram) = Fts5Baseline.Check();
        Console.WriteLine($"# Search benchmark: {o.Records:N0} records, {o.Queries:N0} queries");
        Console.WriteLine($"machine: {Machine.Describe()}");
        Console.WriteLine($"load average at start: {ImportBenchmark.LoadAverage()}");
        Console.WriteLine($"SQLite {sqliteVersion} (bundled with Microsoft.Data.Sqlite), FTS5 trigram tokenizer: {(trigram ? "yes" : "NO")}");
        Console.WriteLine($"data: {o.Dir}");
        Console.WriteLine();

        var indexing = new List<IndexingResult>();
        var latencies = new List<LatencyResult>();
        var notes = new List<string>();
        var dataDir = Path.Combine(o.Dir, string.Create(CultureInfo.InvariantCulture, $"lucene-{o.Records}"));
        var scratch = Path.Combine(o.Dir, "scratch");

        if (o.Wanted("breakdown"))
        {
            Console.WriteLine($"## Where the indexing time goes ({o.Sample:N0} records)");
            Scratch(scratch, p => IndexingBench.ThroughSearchIndex("warm-up (JIT), not counted", p, Math.Min(o.Sample, 20_000), 2, false));
            indexing.Add(IndexingBench.Generation(o.Sample));
            indexing.Add(IndexingBench.Build(o.Sample));
            indexing.Add(IndexingBench.Analysis(o.Sample, content: false));
            indexing.Add(Scratch(scratch, p => IndexingBench.WithConfig("writer, KeywordAnalyzer (one token per field)", p, o.Sample, 1, false, c => c, new KeywordAnalyzer())));
            indexing.Add(Scratch(scratch, p => IndexingBench.ThroughSearchIndex("SearchIndex writer (AddDocument)", p, o.Sample, 1, false)));
            indexing.Add(Scratch(scratch, p => IndexingBench.ThroughSearchIndex("SearchIndex writer (UpdateDocument by id)", p, o.Sample, 1, false, update: true)));
            foreach (var mb in new[] { 16.0, 256.0 })
            {
                indexing.Add(Scratch(scratch, p => IndexingBench.WithConfig(string.Create(CultureInfo.InvariantCulture, $"RAM buffer {mb:F0} MB"), p, o.Sample, 1, false, c =>
                {
                    c.RAMBufferSizeMB = mb;
                    return c;
                })));
            }

            indexing.Add(Scratch(scratch, p => IndexingBench.WithConfig("no merges (NoMergePolicy), no compound files", p, o.Sample, 1, false, c =>
            {
                c.MergePolicy = NoMergePolicy.NO_COMPOUND_FILES;
                c.UseCompoundFile = false;
                return c;
            })));
            indexing.Add(Scratch(scratch, p => IndexingBench.WithConfig("tiered 30 segs/tier, no compound files", p, o.Sample, 1, false, c =>
            {
                c.MergePolicy = new TieredMergePolicy { SegmentsPerTier = 30, MaxMergeAtOnce = 30, NoCFSRatio = 0 };
                c.UseCompoundFile = false;
                return c;
            })));
            indexing.Add(Scratch(scratch, p => IndexingBench.WithConfig("keyword fields not stored (doc values kept)", p, o.Sample, 1, false, c => c, reshape: IndexingBench.KeywordsNotStored)));
            indexing.Add(Scratch(scratch, p => IndexingBench.WithConfig("no doc values (no facets, no sorting)", p, o.Sample, 1, false, c => c, reshape: IndexingBench.NoDocValues)));
            indexing.Add(Scratch(scratch, p => IndexingBench.WithConfig("text fields not stored (no hits shown)", p, o.Sample, 1, false, c => c, reshape: IndexingBench.TextNotStored)));
            indexing.Add(Scratch(scratch, p => IndexingBench.ThroughSearchIndex("SearchIndex writer, 2 feeding threads", p, o.Sample, 2, false)));
            Console.WriteLine();
        }

        if (o.Wanted("index"))
        {
            Console.WriteLine($"## Indexing {o.Records:N0} records through SearchIndex");
            using (var probe = new SearchIndex(new Lantai.Data.DatabaseOptions { DataDir = Path.Combine(scratch, "probe") }))
            {
                Console.WriteLine("SearchIndex writer: " + IndexingBench.Describe(probe.Writer));
            }

            System.IO.Directory.Delete(Path.Combine(scratch, "probe"), true);
            foreach (var threads in o.IndexThreads.Order())
            {
                var last = threads == o.IndexThreads.Max();
                if (last)
                {
                    DeleteIfExists(dataDir);
                    indexing.Add(IndexingBench.ThroughSearchIndex($"SearchIndex, {threads} feeding thread(s)", dataDir, o.Records, threads, false));
                }
                else
                {
                    indexing.Add(Scratch(scratch, p => IndexingBench.ThroughSearchIndex($"SearchIndex, {threads} feeding thread(s)", p, o.Records, threads, false)));
                }
            }

            Console.WriteLine();
        }

        if (o.Only.Contains("rebuild"))
        {
            // Only on request: it builds (or reuses, with --keep) a catalogue of --records records in each database.
            Scratch(scratch, p => IndexingBench.ThroughSearchIndex("warm-up (JIT), not counted", p, 20_000, 2, false));
            foreach (var provider in o.RebuildOn)
            {
                var postgres = provider == "pg";
                if (postgres && !o.UsePostgres)
                {
                    continue;
                }

                Console.WriteLine($"## lantai index rebuild: {o.Records:N0} records on {(postgres ? "PostgreSQL" : "SQLite")}");
                var database = await RebuildDatabase.OpenAsync(postgres, o.Dir, o.Postgres, o.Records, lean: o.LeanDatabase);
                indexing.AddRange(await RebuildBench.RunAsync(database, o.ForceMerge));
                if (!o.Keep)
                {
                    await database.DropAsync();
                }

                Console.WriteLine();
            }
        }

        if (o.Wanted("fulltext"))
        {
            Console.WriteLine($"## Full text: {o.FullText:N0} records with 2 KB of text");
            indexing.Add(IndexingBench.Analysis(Math.Min(o.FullText, 5000), content: true));
            foreach (var threads in new[] { 1, 2 })
            {
                indexing.Add(Scratch(scratch, p => IndexingBench.ThroughSearchIndex($"SearchIndex, 2 KB text, {threads} thread(s)", p, o.FullText, threads, true)));
            }

            Console.WriteLine();
        }

        var queries = SearchCorpus.Queries(o.Queries);
        var baselineQueries = queries.Take(o.BaselineQueries).ToList();
        var rankedQueries = queries.Take(o.RankedQueries).ToList();
        var indexPath = Path.Combine(dataDir, "index", "current");
        var haveIndex = System.IO.Directory.Exists(indexPath) && DirectoryReader.IndexExists(FSDirectory.Open(indexPath));
        var references = new Dictionary<LatencyResult, LatencyResult>();
        using var referenceIndex = haveIndex ? new SearchIndex(new Lantai.Data.DatabaseOptions { DataDir = dataDir }) : null;
        if (referenceIndex is not null && o.WindowedMinPostings is { } windowedMin)
        {
            // --windowed-min N: queries with fewer postings keep Lucene's own scorers (a huge N: all of them, to compare).
            SearchTuning.For(referenceIndex).WindowedMinPostings = windowedMin;
            Console.WriteLine($"windowed matching from {windowedMin:N0} postings");
        }

        // Each baseline replay is preceded by Lucene's replay of the same queries on the same number of threads, so the
        // ratio compares two runs a minute apart (the machine's load changes by the minute).
        async Task<LatencyResult> Baseline(string engine, string what, IReadOnlyList<string> list, int workers, Func<int, string, Task<(long, bool)>> run)
        {
            LatencyResult? reference = null;
            if (referenceIndex is not null)
            {
                reference = await QueryReplay.RunAsync("Lucene", $"SearchService, facets off (reference, {list.Count} q)", list, workers, LuceneQueries.ThroughService(referenceIndex, false, SearchAudience.Staff, cache: false));
                latencies.Add(reference);
            }

            var result = await QueryReplay.RunAsync(engine, what, list, workers, run, warmup: 20);
            latencies.Add(result);
            if (reference is not null)
            {
                references[result] = reference;
            }

            return result;
        }
        if (o.Wanted("query") && haveIndex)
        {
            var index = referenceIndex!;
            var cache = QueryResultCache.For(index);
            var distinct = queries.Distinct(StringComparer.Ordinal).ToList();

            // Cold: every distinct query once per thread, no result cache — what a search costs.
            Console.WriteLine($"## Cold: the {distinct.Count:N0} distinct queries of the replay, result cache off (staff, page of 20, snippets on)");
            foreach (var facets in new[] { false, true })
            {
                foreach (var workers in new[] { 1, 2 })
                {
                    latencies.Add(await QueryReplay.RunAsync("Lucene", $"cold, facets {(facets ? "on" : "off")}", distinct, workers, LuceneQueries.ThroughService(index, facets, SearchAudience.Staff, cache: false)));
                }
            }

            // The replay as it is with the cache off: the workload of the earlier rounds' figures, for before/after.
            Console.WriteLine($"## The replay of {queries.Count:N0} queries as in round 3 (result cache off)");
            foreach (var workers in new[] { 1, 2 })
            {
                latencies.Add(await QueryReplay.RunAsync("Lucene", "replay, cache off, facets on", queries, workers, LuceneQueries.ThroughService(index, true, SearchAudience.Staff, cache: false)));
            }

            // Warm: the replay as it is (common words repeat), result cache on, emptied before each replay.
            Console.WriteLine($"## Warm: the replay of {queries.Count:N0} queries, result cache on (emptied before each replay)");
            foreach (var facets in new[] { false, true })
            {
                foreach (var workers in new[] { 1, 2 })
                {
                    cache.Clear();
                    latencies.Add(await QueryReplay.RunAsync("Lucene", $"warm, facets {(facets ? "on" : "off")}", queries, workers, LuceneQueries.ThroughService(index, facets, SearchAudience.Staff)));
                }
            }

            cache.Clear();
            latencies.Add(await QueryReplay.RunAsync("Lucene", "warm, public, facets on", queries, 2, LuceneQueries.ThroughService(index, true, SearchAudience.Public)));
            Console.WriteLine($"result cache after the public replay: {cache.Count:N0} entries, {cache.Hits:N0} hits, {cache.Misses:N0} misses");
            Console.WriteLine();
        }

        if (o.Only.Contains("windowed") && haveIndex)
        {
            // The same replay with windowed matching off and on, interleaved twice, so both see the same minutes of load.
            Console.WriteLine("## Windowed matching off and on, interleaved (the warm replay, facets on, staff)");
            var tuning = SearchTuning.For(referenceIndex!);
            var cache = QueryResultCache.For(referenceIndex!);
            foreach (var round in new[] { 1, 2 })
            {
                foreach (var workers in new[] { 1, 2 })
                {
                    foreach (var windowed in new[] { false, true })
                    {
                        tuning.WindowedMinPostings = windowed ? 0 : long.MaxValue;
                        cache.Clear();
                        latencies.Add(await QueryReplay.RunAsync("Lucene", $"warm, facets on, windowed {(windowed ? "on" : "off")} ({round})", queries, workers, LuceneQueries.ThroughService(referenceIndex!, true, SearchAudience.Staff)));
                    }
                }
            }

            tuning.WindowedMinPostings = SearchService.DefaultWindowedMinPostings;
            Console.WriteLine();
        }

        if (o.Only.Contains("tail") && haveIndex)
        {
            Console.WriteLine("## The slowest distinct queries (1 thread, 1 slice, staff, facets on)");
            await QueryProfile.TailAsync(referenceIndex!, queries);
            Console.WriteLine();
        }

        if (o.Only.Contains("profile") && haveIndex)
        {
            Console.WriteLine($"## Where a query's time goes ({queries.Count:N0} queries, 1 thread, staff)");
            await QueryProfile.RunAsync(referenceIndex!, queries);
            Console.WriteLine();
        }

        if (o.Wanted("directory") && haveIndex)
        {
            Console.WriteLine("## MMapDirectory vs NIOFSDirectory vs MappedDirectory (plain IndexSearcher, MultiFieldQueryParser over the staff fields)");
            // Interleaved and twice each, so that no directory gets the colder page cache or the quieter minute.
            foreach (var workers in new[] { 1, 2, 1, 2 })
            {
                foreach (var kind in new[] { nameof(MMapDirectory), nameof(NIOFSDirectory), nameof(MappedDirectory) })
                {
                    var (owner, run) = LuceneQueries.ThroughDirectory(indexPath, kind);
                    using (owner)
                    {
                        latencies.Add(await QueryReplay.RunAsync("Lucene", $"IndexSearcher, {kind}", queries, workers, run));
                    }
                }
            }

            Console.WriteLine();
        }

        if (o.UsePostgres && o.Wanted("pg"))
        {
            Console.WriteLine($"## PostgreSQL pg_trgm ({baselineQueries.Count:N0} queries)");
            await using var pg = new PgTrgmBaseline(o.Postgres, string.Create(CultureInfo.InvariantCulture, $"lantai_bench_search_{o.Records}"));
            if (!await pg.IsLoadedAsync(o.Records))
            {
                var (copy, index, bytes) = await pg.LoadAsync(SearchCorpus.Records(o.Records).Select((r, i) => ((long)i, r.BaselineText)));
                var line = string.Create(CultureInfo.InvariantCulture, $"pg_trgm load: COPY {copy.TotalSeconds:F1} s ({o.Records / copy.TotalSeconds:N0} rows/s), GIN trigram index {index.TotalSeconds:F1} s, table + index {bytes / 1048576.0:N0} MB");
                Console.WriteLine(line);
                notes.Add(line);
            }

            await pg.OpenAsync(2);
            foreach (var ranked in new[] { false, true })
            {
                var list = ranked ? rankedQueries : baselineQueries;
                foreach (var workers in new[] { 1, 2 })
                {
                    await Baseline("pg_trgm", ranked ? $"LIKE, top 20 by word_similarity" : "LIKE, first 20", list, workers, async (w, q) => ((await pg.SearchAsync(w, q, ranked)).Count, false));
                }
            }

            if (!o.Keep)
            {
                await pg.DropAsync();
            }

            Console.WriteLine();
        }

        if (o.UseSqlite && trigram && o.Wanted("fts5"))
        {
            Console.WriteLine($"## SQLite FTS5 trigram ({baselineQueries.Count:N0} queries)");
            using var fts = new Fts5Baseline(Path.Combine(o.Dir, string.Create(CultureInfo.InvariantCulture, $"fts5-{o.Records}.db")));
            if (!fts.IsLoaded(o.Records))
            {
                var (load, bytes) = fts.Load(SearchCorpus.Records(o.Records).Select((r, i) => ((long)i, r.BaselineText)));
                var line = string.Create(CultureInfo.InvariantCulture, $"FTS5 load: {load.TotalSeconds:F1} s ({o.Records / load.TotalSeconds:N0} rows/s, insert + optimize), {bytes / 1048576.0:N0} MB");
                Console.WriteLine(line);
                notes.Add(line);
            }

            fts.Open(2);
            foreach (var workers in new[] { 1, 2 })
            {
                await Baseline("FTS5", "MATCH (≥3 chars, by bm25) / LIKE, top 20", baselineQueries, workers, (w, q) => Task.FromResult(((long)fts.Search(w, q).Count, false)));
            }

            if (!o.Keep)
            {
                fts.Delete();
            }

            Console.WriteLine();
        }

        Console.WriteLine($"load average at end: {ImportBenchmark.LoadAverage()}");
        Console.WriteLine();
        if (indexing.Count > 0)
        {
            Console.WriteLine("| indexing | threads | records | time | records/s | tokens/s | MB/s | CPU µs/record | notes |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
            indexing.ForEach(r => Console.WriteLine(r.Row()));
            Console.WriteLine();
        }

        if (latencies.Count > 0)
        {
            Console.WriteLine("| engine | query | threads | p50 ms | p95 ms | p99 ms | max ms | queries/s | hits/query | timed out | CPU ms/query | baseline ÷ Lucene p50 / p95 / p99 (the Lucene reference run just before, same queries and threads) |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            latencies.ForEach(r => Console.WriteLine(r.Row(references.GetValueOrDefault(r))));
            Console.WriteLine();
            Console.WriteLine("hits/query: Lucene counts every match (TotalHits); the baselines return at most 20 rows.");
        }

        notes.ForEach(Console.WriteLine);
        if (!o.Keep)
        {
            DeleteIfExists(dataDir);
        }

        DeleteIfExists(scratch);
        return 0;
    }

    private static IndexingResult Scratch(string scratch, Func<string, IndexingResult> run)
    {
        DeleteIfExists(scratch);
        try
        {
            return run(scratch);
        }
        finally
        {
            DeleteIfExists(scratch);
        }
    }

    private static void DeleteIfExists(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    private sealed class Options
    {
        public long Records { get; set; } = 1_000_000;

        public long Sample { get; set; } = 100_000;

        public long FullText { get; set; } = 20_000;

        public int Queries { get; set; } = 1000;

        public int BaselineQueries { get; set; } = 1000;

        /// <summary>pg_trgm ranked by word_similarity scores every matching row: at 1,000,000 rows a common word takes seconds, so it replays a prefix.</summary>
        public int RankedQueries { get; set; } = 200;

        public int[] IndexThreads { get; set; } = [1, 2];

        public string? Dir { get; set; }

        public string Postgres { get; set; } = DefaultPostgres;

        public bool UsePostgres { get; set; } = true;

        public bool UseSqlite { get; set; } = true;

        public bool Keep { get; set; }

        public long? WindowedMinPostings { get; set; }

        public HashSet<string> Only { get; } = new(StringComparer.Ordinal);

        /// <summary>The databases <c>--only rebuild</c> runs on: sqlite, pg.</summary>
        public string[] RebuildOn { get; set; } = ["sqlite", "pg"];

        /// <summary>After each rebuild, replay queries before and after a ForceMerge(1).</summary>
        public bool ForceMerge { get; set; }

        /// <summary>Load the rebuild's catalogue without the Records table's secondary indexes (faster at 10,000,000).</summary>
        public bool LeanDatabase { get; set; }

        public bool Wanted(string part) => Only.Count == 0 || Only.Contains(part);
    }
}
