using System.Text;
using Lantai.Bench.Hash;
using Lantai.Bench.Import;
using Lantai.Bench.Ingest;
using Lantai.Bench.Search;

// The benchmark home of Lantai: one subcommand per benchmark, each printing throughput and what it was measured on.
// Run in Release: dotnet run -c Release --project bench/Lantai.Bench -- <benchmark> [options]
Console.OutputEncoding = Encoding.UTF8;
var benchmark = args.Length > 0 ? args[0] : "";
switch (benchmark)
{
    case "import":
        return await ImportBenchmark.RunAsync(args[1..]);
    case "hash":
        return await HashBenchmark.RunAsync(args[1..]);
    case "ingest":
        return await IngestBenchmark.RunAsync(args[1..]);
    case "search":
        return await SearchBenchmark.RunAsync(args[1..]);
    case "analyzer":
        return AnalyzerBenchmark.Run(args[1..]);
    default:
        Console.Error.WriteLine("""
            usage: Lantai.Bench <benchmark> [options]
              import [--rows N] [--pg CONNECTION-STRING] [--no-pg] [--dir DIR]
                     catalogue import from CSV and xlsx into SQLite and PostgreSQL, with the raw engine speed beside it
              hash [--mb 256] [--dir DIR] [--no-files]
                     SM3 (BouncyCastle, OpenSSL), SHA-256 and DualDigest throughput, openssl speed, the raw limit
                     (read + SM3 + SHA-256 + write) and the store's commit with syncfs against fsync
              ingest [--set small|large|huge] [--small-files N] [--aips during|after] [--dir DIR] [--warm N] [--keep-data]
                     transfer check and ingest of 10,000 files of 10-200 KB, of four 500 MB files (and with huge of
                     one 4 GiB file), against the raw limit (read + SM3 + SHA-256 + write) of the same bytes;
                     --warm N ingests a transfer of N files first (the JIT's tier-up out of the figures),
                     --keep-data leaves the run's folders (no mass deletion before the next run)
              search [--records 1000000] [--sample 100000] [--fulltext 20000] [--index-threads 1,2] [--dir DIR] [--keep]
                     [--pg CONNECTION-STRING] [--no-pg] [--no-sqlite] [--baseline-queries N] [--ranked-queries 200]
                     [--only breakdown|index|fulltext|query|profile|directory|pg|fts5|rebuild]
                     [--rebuild-on sqlite,pg] [--lean-db] [--force-merge] [--force-merge-copy DATA-DIR]
                     indexing rate (and where the time goes), full-text MB/s, query latency p50/p95/p99 of a fixed
                     replay of 1,000 queries through SearchService (cold, cache off, warm), against PostgreSQL pg_trgm
                     and SQLite FTS5 trigram; `rebuild`: lantai index rebuild on a real SQLite/PostgreSQL catalogue
              search --relevance [--pg CONNECTION-STRING]
                     precision@10 and MRR of Lucene and of pg_trgm on the relevance set (tests/Lantai.Tests/Search/Relevance)
              analyzer [--records 200000]
                     search analysis alone, one thread: LantaiAnalyzer against StandardTokenizer + CJK bigrams
            """);
        return 2;
}
