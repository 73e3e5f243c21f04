using System.Diagnostics;
using System.Globalization;
using Lantai.Bench.Import;
using Lantai.Catalogue.Import;
using Lantai.Search;
using Lantai.Tests.Search.Relevance;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantai.Bench.Search;

/// <summary>
/// The relevance set (tests/Lantai.Tests/Search/Relevance) replayed against Lucene — the corpus imported through
/// CatalogueImporter and indexed by SearchIndexer, as the relevance tests do — and against PostgreSQL pg_trgm over the
/// same corpus (<see cref="TrgmQuery"/>: ILIKE per word, fields, years, AND/OR/NOT, the same access rules, ranked by
/// word_similarity) and SQLite FTS5 with the trigram tokenizer (the same conditions as LIKE, which the trigram index
/// serves; ranked by bm25 where the query can be a MATCH), all scored by <see cref="RelevanceSet.Evaluate"/>:
/// precision@10, MRR, and the latency of each.
/// </summary>
internal static class RelevanceBaseline
{
    private const string Database = "lantai_bench_relevance";

    public static async Task<int> RunAsync(string[] args, string postgres)
    {
        string? setPath = null;
        var dir = Path.Combine(Path.GetTempPath(), "lantai-bench-relevance");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--set": setPath = args[++i]; break;
                case "--pg": postgres = args[++i]; break;
                case "--dir": dir = args[++i]; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var set = setPath is null ? RelevanceSet.LoadDefault() : RelevanceSet.Load(setPath);
        Directory.CreateDirectory(dir);
        Console.WriteLine($"# Relevance set: {set.Queries.Count} queries over {set.RecordCount:N0} records ({set.Folder})");
        Console.WriteLine($"machine: {Machine.Describe()}; load average {ImportBenchmark.LoadAverage()}");
        Console.WriteLine();

        var lucene = await LuceneAsync(set, dir, postgres);
        var pg = await PgTrgmAsync(set, postgres);
        var fts5 = Fts5(set, dir);

        Console.WriteLine();
        Console.WriteLine("| engine | queries | passed | precision@10 | MRR | mean ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, run) in new[] { ("Lucene (SearchService)", lucene), ("pg_trgm (ILIKE + word_similarity)", pg), ("FTS5 trigram (LIKE; bm25 when a MATCH)", fts5) })
        {
            var summary = RelevanceSet.Summarize(run.Scores);
            var sorted = run.Latencies.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {summary.Queries} | {summary.Passed} | {summary.PrecisionAt10:0.000} | {summary.MeanReciprocalRank:0.000} | {sorted.Average():F2} | {sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Length) - 1)]:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| kind | queries | Lucene P@10 | pg_trgm P@10 | FTS5 P@10 | Lucene MRR | pg_trgm MRR | FTS5 MRR |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in set.Queries.Select(q => q.Kind).Distinct())
        {
            var ids = set.Queries.Where(q => q.Kind == kind).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            var l = RelevanceSet.Summarize([.. lucene.Scores.Where(s => ids.Contains(s.Id))]);
            var p = RelevanceSet.Summarize([.. pg.Scores.Where(s => ids.Contains(s.Id))]);
            var f = RelevanceSet.Summarize([.. fts5.Scores.Where(s => ids.Contains(s.Id))]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {ids.Count} | {l.PrecisionAt10:0.000} | {p.PrecisionAt10:0.000} | {f.PrecisionAt10:0.000} | {l.MeanReciprocalRank:0.000} | {p.MeanReciprocalRank:0.000} | {f.MeanReciprocalRank:0.000} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Lucene failed: " + string.Join(", ", RelevanceSet.Summarize(lucene.Scores).Failed));
        Console.WriteLine("pg_trgm failed: " + string.Join(", ", RelevanceSet.Summarize(pg.Scores).Failed));
        Console.WriteLine("FTS5 failed: " + string.Join(", ", RelevanceSet.Summarize(fts5.Scores).Failed));
        return 0;
    }

    private static async Task<Run> LuceneAsync(RelevanceSet set, string dir, string postgres)
    {
        await using var database = await BenchDatabase.CreateAsync("SQLite", dir, postgres);
        await using var db = database.CreateContext();
        var imported = await new CatalogueImporter(db, TimeProvider.System).CommitAsync(ImportSource.FromFile(set.CorpusPath), ImportOptions.Default, "relevance", null, default);
        if (!imported.Succeeded)
        {
            throw new InvalidOperationException("corpus.csv did not import: " + string.Join("; ", imported.Errors.Select(e => e.Message)));
        }

        using var index = new SearchIndex(database.Options);
        await new SearchIndexer(db, index).CatchUpAsync(default);
        var service = new SearchService(index);
        var run = new Run();
        for (var pass = 0; pass < 2; pass++)
        {
            // The first pass warms up (JIT, caches); the second is scored and timed.
            run = new Run();
            foreach (var query in set.Queries)
            {
                var began = Stopwatch.GetTimestamp();
                var result = await service.SearchAsync(new SearchRequest
                {
                    Query = query.Text,
                    Audience = query.IsPublic ? SearchAudience.Public : SearchAudience.Staff,
                    Clearance = query.IsPublic ? 0 : 4,
                    PageSize = 50,
                    IncludeFacets = false,
                    IncludeSnippets = false,
                }, default);
                run.Latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                run.Scores.Add(RelevanceSet.Evaluate(query, result.Succeeded ? [.. result.Value.Hits.Select(h => h.ArchivalCode)] : []));
            }
        }

        return run;
    }

    private static async Task<Run> PgTrgmAsync(RelevanceSet set, string postgres)
    {
        await using (var admin = new NpgsqlConnection(postgres))
        {
            await admin.OpenAsync();
            await Execute(admin, $"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)");
            await Execute(admin, $"CREATE DATABASE \"{Database}\"");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = Database }.ConnectionString;
        var run = new Run();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await Execute(connection, """
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE TABLE docs (code text PRIMARY KEY, title text, author text, docno text, remarks text, year int,
                  classification text, open text, text_staff text, text_public text)
                """);
            await using (var copy = await connection.BeginTextImportAsync("COPY docs FROM STDIN (FORMAT csv)"))
            {
                foreach (var r in set.ReadCorpus())
                {
                    var publicText = string.Join(' ', r.Title, r.Author, r.DocumentNumber, r.ArchivalCode);
                    string[] cells = [r.ArchivalCode, r.Title, r.Author, r.DocumentNumber, r.Remarks, r.Year.ToString(CultureInfo.InvariantCulture), r.Classification, r.OpenStatus,
                        publicText + " " + r.Remarks, publicText];
                    await copy.WriteLineAsync(string.Join(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
                }
            }

            await Execute(connection, """
                CREATE INDEX ON docs USING gin (text_staff gin_trgm_ops);
                CREATE INDEX ON docs USING gin (text_public gin_trgm_ops);
                ANALYZE docs
                """);
            for (var pass = 0; pass < 2; pass++)
            {
                run = new Run();
                foreach (var query in set.Queries)
                {
                    var column = query.IsPublic ? "text_public" : "text_staff";
                    var parsed = TrgmQuery.Parse(query.Text, column, out var where);
                    // The public sees open and partly open, unclassified records only (as AccessFilter.Public).
                    var access = query.IsPublic ? " AND open IN ('开放', '部分开放') AND classification = ''" : "";
                    var rankBy = parsed.Parameters.Count + 1;
                    await using var command = new NpgsqlCommand($"SELECT code FROM docs WHERE ({where}){access} ORDER BY word_similarity(${rankBy}, {column}) DESC, code LIMIT 50", connection);
                    foreach (var parameter in parsed.Parameters)
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
                    }

                    command.Parameters.Add(new NpgsqlParameter { Value = string.Join(' ', parsed.Words) });
                    var began = Stopwatch.GetTimestamp();
                    var codes = new List<string>();
                    await using (var reader = await command.ExecuteReaderAsync())
                    {
                        while (await reader.ReadAsync())
                        {
                            codes.Add(reader.GetString(0));
                        }
                    }

                    run.Latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                    run.Scores.Add(RelevanceSet.Evaluate(query, codes));
                }
            }
        }

        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(postgres))
        {
            await admin.OpenAsync();
            await Execute(admin, $"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)");
        }

        return run;
    }

    private static Run Fts5(RelevanceSet set, string dir)
    {
        var path = Path.Combine(dir, "relevance-fts5.db");
        SqliteConnection.ClearAllPools();
        File.Delete(path);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        Execute(connection, """
            CREATE VIRTUAL TABLE docs USING fts5(code, title, author, docno, remarks, year UNINDEXED, classification UNINDEXED,
              open UNINDEXED, text_staff, text_public, tokenize='trigram')
            """);
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = new SqliteCommand(
                "INSERT INTO docs VALUES ($code, $title, $author, $docno, $remarks, $year, $classification, $open, $staff, $public)", connection, transaction);
            foreach (var r in set.ReadCorpus())
            {
                var publicText = string.Join(' ', r.Title, r.Author, r.DocumentNumber, r.ArchivalCode);
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$code", r.ArchivalCode);
                insert.Parameters.AddWithValue("$title", r.Title);
                insert.Parameters.AddWithValue("$author", r.Author);
                insert.Parameters.AddWithValue("$docno", r.DocumentNumber);
                insert.Parameters.AddWithValue("$remarks", r.Remarks);
                insert.Parameters.AddWithValue("$year", r.Year);
                insert.Parameters.AddWithValue("$classification", r.Classification);
                insert.Parameters.AddWithValue("$open", r.OpenStatus);
                insert.Parameters.AddWithValue("$staff", publicText + " " + r.Remarks);
                insert.Parameters.AddWithValue("$public", publicText);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        var run = new Run();
        for (var pass = 0; pass < 2; pass++)
        {
            run = new Run();
            foreach (var query in set.Queries)
            {
                var column = query.IsPublic ? "text_public" : "text_staff";
                var parsed = TrgmQuery.Parse(query.Text, column, out var where, sqlite: true);
                var access = query.IsPublic ? " AND open IN ('开放', '部分开放') AND classification = ''" : "";
                using var command = new SqliteCommand { Connection = connection };
                for (var i = 0; i < parsed.Parameters.Count; i++)
                {
                    command.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"$p{i + 1}"), parsed.Parameters[i]);
                }

                // bm25 needs a MATCH: possible when the query is only words of three or more characters, all required
                // (a trigram index holds nothing shorter); otherwise the rows come in 档号 order, unranked.
                var match = Fts5Match(query.Text, column);
                if (match is not null)
                {
                    command.Parameters.AddWithValue("$match", match);
                }

                command.CommandText = match is null
                    ? $"SELECT code FROM docs WHERE ({where}){access} ORDER BY code LIMIT 50"
                    : $"SELECT code FROM docs WHERE docs MATCH $match AND ({where}){access} ORDER BY rank, code LIMIT 50";
                var began = Stopwatch.GetTimestamp();
                var codes = new List<string>();
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        codes.Add(reader.GetString(0));
                    }
                }

                run.Latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                run.Scores.Add(RelevanceSet.Evaluate(query, codes));
            }
        }

        connection.Close();
        SqliteConnection.ClearAllPools();
        File.Delete(path);
        return run;
    }

    /// <summary>A MATCH of every word on the column when each is a plain word or "phrase" of 3+ characters; else null.</summary>
    private static string? Fts5Match(string query, string column)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"')).ToList();
        var plain = words.Count > 0 && words.All(w => w.Length >= 3
            && w.IndexOfAny([':', '：', '(', ')', '"']) < 0 && !w.StartsWith('-')
            && w is not ("OR" or "或" or "AND" or "与" or "NOT" or "非"));
        return plain ? column + " : (" + string.Join(" AND ", words.Select(w => "\"" + w + "\"")) + ")" : null;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Run
    {
        public List<RelevanceSet.Score> Scores { get; } = [];

        public List<double> Latencies { get; } = [];
    }
}
