using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lantai.Bench.ListPage;
using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// List-page latency at 1,000,000 records: RecordQueries.PageAsync (what the page and GET /api/v1/records run) against
// the same SQL replayed through plain ADO.NET, on SQLite and PostgreSQL. Usage:
//   dotnet run -c Release --project bench/Lantai.Bench.ListPage -- [--rows 1000000] [--requests 500] [--provider sqlite|postgres|both]
//        [--data /tmp/lantai-bench-listpage] [--pg "Host=127.0.0.1;Username=lantai;Password=lantai;Database=postgres"] [--reuse]
//        [--wished-indexes] [--only SCENARIO-NAME-PART] [--sql] [--out FILE]
// --reuse keeps a database loaded by an earlier run; --wished-indexes adds the indexes the report asks for, to measure them.
var arguments = Args.Parse(args);
var rows = arguments.Int("--rows", 1_000_000);
var requests = arguments.Int("--requests", 500);
var provider = arguments.Get("--provider", "both");
var dataDir = arguments.Get("--data", Path.Combine(Path.GetTempPath(), "lantai-bench-listpage"));
var pgAdmin = arguments.Get("--pg", "Host=127.0.0.1;Port=5432;Username=lantai;Password=lantai;Database=postgres");
var reuse = arguments.Has("--reuse");
var outFile = arguments.GetOrNull("--out");
var ct = CancellationToken.None;
var report = new StringBuilder();

foreach (var p in provider == "both" ? new[] { "sqlite", "postgres" } : [provider])
{
    DatabaseOptions options;
    if (p == "postgres")
    {
        const string name = "lantai_bench_listpage";
        options = new DatabaseOptions { DataDir = dataDir, PostgresConnectionString = new NpgsqlConnectionStringBuilder(pgAdmin) { Database = name }.ConnectionString };
        if (!reuse)
        {
            await using var admin = new NpgsqlConnection(pgAdmin);
            await admin.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }
    }
    else
    {
        options = new DatabaseOptions { DataDir = Path.Combine(dataDir, "sqlite") };
        if (!reuse && Directory.Exists(options.DataDir))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(options.DataDir, recursive: true);
        }
    }

    var samples = await PrepareAsync(options, rows, reuse, ct);
    var label = p == "postgres" ? "PostgreSQL" : "SQLite";
    if (arguments.Has("--wished-indexes"))
    {
        var watch = Stopwatch.StartNew();
        await BulkLoader.CreateWishedIndexesAsync(options, ct);
        await BulkLoader.AnalyzeAsync(options, ct);
        Console.WriteLine($"{label}: wished indexes created in {watch.Elapsed.TotalSeconds:F1} s");
        label += " + wished indexes";
    }

    var results = await Runner.RunAsync(options, samples, requests, arguments.GetOrNull("--only"), arguments.Has("--sql"), ct);
    var table = Runner.Table(label, rows, results);
    Console.WriteLine(table);
    report.AppendLine(table);
}

if (outFile is not null)
{
    await File.WriteAllTextAsync(outFile, report.ToString(), ct);
}

static async Task<SampleRows> PrepareAsync(DatabaseOptions options, int count, bool reuse, CancellationToken ct)
{
    await using (var db = LantaiDatabase.CreateContext(options))
    {
        await LantaiDatabase.MigrateAsync(db, options, ct);
    }

    var fondsCount = 20;
    var perFonds = count / fondsCount;
    var generator = new RecordGenerator(seed: 20261123);
    var format = new ArchivalCodeFormat(ArchivalCodeTemplate.Defaults[0].Pattern);
    var samples = new List<GeneratedRecord>();
    await using (var db = LantaiDatabase.CreateContext(options))
    {
        var existing = await db.Records.CountAsync(ct);
        if (reuse && existing >= count)
        {
            Console.WriteLine($"{(options.IsPostgres ? "PostgreSQL" : "SQLite")}: reusing {existing:N0} records");
            // Regenerate the same rows (same seed) only to pick the samples; ids are read back by code.
            var fondsIds = await db.Fonds.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Id.Value, ct);
            for (var f = 0; f < fondsCount; f++)
            {
                var code = RecordGenerator.FondsCode(f);
                var generated = generator.Fonds(fondsIds[code], code, perFonds, format);
                samples.AddRange(generated.Where((_, i) => i % 500 == 0));
            }

            return new SampleRows(samples);
        }
    }

    var fondsService = new List<(Guid Id, string Code)>();
    await using (var db = LantaiDatabase.CreateContext(options))
    {
        var service = new FondsService(db, TimeProvider.System);
        for (var f = 0; f < fondsCount; f++)
        {
            var code = RecordGenerator.FondsCode(f);
            var created = await service.CreateAsync(new FondsDraft { Code = code, Name = $"示例旗第{f + 1}全宗" }, "bench", ct);
            fondsService.Add((created.Value.Id.Value, code));
        }
    }

    (bool Upper, string CreatedAt) probe = (true, "");
    if (!options.IsPostgres)
    {
        probe = await BulkLoader.ProbeSqliteAsync(options, ct);
    }

    var watch = Stopwatch.StartNew();
    IEnumerable<GeneratedRecord> All()
    {
        foreach (var (id, code) in fondsService)
        {
            var generated = generator.Fonds(id, code, perFonds, format);
            samples.AddRange(generated.Where((_, i) => i % 500 == 0));
            foreach (var r in generated)
            {
                yield return r;
            }
        }
    }

    if (options.IsPostgres)
    {
        await BulkLoader.LoadPostgresAsync(options, All(), ct);
    }
    else
    {
        await BulkLoader.LoadSqliteAsync(options, All(), probe.Upper, probe.CreatedAt, ct);
    }

    var load = watch.Elapsed;
    await BulkLoader.AnalyzeAsync(options, ct);
    Console.WriteLine($"{(options.IsPostgres ? "PostgreSQL (binary COPY)" : "SQLite (prepared INSERT, 100k per transaction)")}: loaded {count:N0} records in {load.TotalSeconds:F1} s ({count / load.TotalSeconds:N0}/s), analyze {(watch.Elapsed - load).TotalSeconds:F1} s");
    return new SampleRows(samples);
}
