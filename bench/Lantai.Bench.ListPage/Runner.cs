using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lantai.Bench.ListPage;

/// <summary>
/// Runs each scenario: per request a fresh DbContext (as a web request has) calls RecordQueries.PageAsync — which also
/// loads the code lists — and the SQL it sent is replayed at once through plain ADO.NET on a pooled connection.
/// </summary>
internal static class Runner
{
    private const int PageSize = 50;
    private const int CountCap = 10_001;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(25);

    public static IReadOnlyList<Scenario> Scenarios { get; } =
    [
        new("first page · 档号 ↑", (_, _) => (All(), RecordSort.ArchivalCode, false, null)),
        new("deep page · 档号 ↑", (r, s) => (All(), RecordSort.ArchivalCode, false, SampleRows.Cursor(RecordSort.ArchivalCode, s.Pick(r)))),
        new("deep page · 档号 ↓", (r, s) => (All(), RecordSort.ArchivalCode, true, SampleRows.Cursor(RecordSort.ArchivalCode, s.Pick(r)))),
        new("first page · 年度 ↓", (_, _) => (All(), RecordSort.Year, true, null)),
        new("deep page · 年度 ↑", (r, s) => (All(), RecordSort.Year, false, SampleRows.Cursor(RecordSort.Year, s.Pick(r)))),
        new("deep page · 日期 ↑", (r, s) => (All(), RecordSort.Date, false, SampleRows.Cursor(RecordSort.Date, s.Pick(r)))),
        new("deep page · 日期 ↓", (r, s) => (All(), RecordSort.Date, true, SampleRows.Cursor(RecordSort.Date, s.Pick(r)))),
        new("fonds · first page", (r, s) => (All() with { FondsId = new FondsId(s.Pick(r).FondsId) }, RecordSort.ArchivalCode, false, null)),
        new("fonds · deep page", (r, s) => { var x = s.Pick(r); return (All() with { FondsId = new FondsId(x.FondsId) }, RecordSort.ArchivalCode, false, SampleRows.Cursor(RecordSort.ArchivalCode, x)); }),
        new("fonds · 年度 ↓ deep", (r, s) => { var x = s.Pick(r); return (All() with { FondsId = new FondsId(x.FondsId) }, RecordSort.Year, true, SampleRows.Cursor(RecordSort.Year, x)); }),
        new("year · deep page", (r, s) => { var x = s.Pick(r); return (All() with { Year = x.Year }, RecordSort.ArchivalCode, false, SampleRows.Cursor(RecordSort.ArchivalCode, x)); }),
        new("fonds + year · first page", (r, s) => { var x = s.Pick(r); return (All() with { FondsId = new FondsId(x.FondsId), Year = x.Year }, RecordSort.ArchivalCode, false, null); }),
        new("fonds + 2000–2010 · deep", (r, s) => { var x = s.Pick(r, g => g.Year is >= 2000 and <= 2010); return (All() with { FondsId = new FondsId(x.FondsId), YearFrom = 2000, YearTo = 2010 }, RecordSort.ArchivalCode, false, SampleRows.Cursor(RecordSort.ArchivalCode, x)); }),
        new("open status · deep page", (r, s) => { var x = s.Pick(r); return (All() with { OpenStatus = (OpenStatus)x.OpenStatus }, RecordSort.ArchivalCode, false, SampleRows.Cursor(RecordSort.ArchivalCode, x)); }),
        new("category KJ + retention Y", (_, _) => (All() with { CategoryCode = "KJ", RetentionCode = "Y" }, RecordSort.ArchivalCode, false, null)),
        new("text 通知 (common)", (_, _) => (All() with { Text = "通知" }, RecordSort.ArchivalCode, false, null)),
        new("fonds + text 乌兰牧骑", (r, s) => (All() with { FondsId = new FondsId(s.Pick(r).FondsId), Text = "乌兰牧骑" }, RecordSort.ArchivalCode, false, null)),
        new("text rare (one 文号)", (r, s) => (All() with { Text = s.Pick(r).DocumentNumber }, RecordSort.ArchivalCode, false, null)),
        new("clearance 0 · deep page", (r, s) => (All() with { Clearance = 0 }, RecordSort.ArchivalCode, false, SampleRows.Cursor(RecordSort.ArchivalCode, s.Pick(r)))),
        new("count ≤10,001 · no filter", (_, _) => (All(), RecordSort.ArchivalCode, false, null), CountOnly: true),
        new("count ≤10,001 · fonds", (r, s) => (All() with { FondsId = new FondsId(s.Pick(r).FondsId) }, RecordSort.ArchivalCode, false, null), CountOnly: true),
        new("count ≤10,001 · fonds + year", (r, s) => { var x = s.Pick(r); return (All() with { FondsId = new FondsId(x.FondsId), Year = x.Year }, RecordSort.ArchivalCode, false, null); }, CountOnly: true),
        new("count ≤10,001 · open status", (r, s) => (All() with { OpenStatus = (OpenStatus)s.Pick(r).OpenStatus }, RecordSort.ArchivalCode, false, null), CountOnly: true),
        new("count ≤10,001 · text 乌兰牧骑", (_, _) => (All() with { Text = "乌兰牧骑" }, RecordSort.ArchivalCode, false, null), CountOnly: true),
    ];

    public static async Task<List<(Scenario Scenario, Latency Ef, Latency? Raw, double Rows)>> RunAsync(DatabaseOptions options, SampleRows samples, int requests, string? only, bool printSql, CancellationToken ct)
    {
        var results = new List<(Scenario, Latency, Latency?, double)>();
        foreach (var scenario in Scenarios.Where(s => only is null || s.Name.Contains(only, StringComparison.Ordinal)))
        {
            var random = new Random(7);
            var ef = new List<double>();
            var raw = new List<double>();
            long rowsSeen = 0;
            var spent = Stopwatch.StartNew();
            for (var i = -10; i < requests && spent.Elapsed < Budget; i++)
            {
                var (filter, sort, descending, cursor) = scenario.Make(random, samples);
                var capture = new CommandCapture();
                await using var db = Context(options, capture);
                var watch = Stopwatch.StartNew();
                int count;
                if (scenario.CountOnly)
                {
                    count = await new RecordQueries(db).CountUpToAsync(filter, CountCap, ct);
                }
                else
                {
                    count = (await new RecordQueries(db).PageAsync(filter, sort, descending, cursor, PageSize, ct)).Items.Count;
                }

                var efMs = watch.Elapsed.TotalMilliseconds;
                if (printSql && i == -10)
                {
                    Console.WriteLine($"-- {scenario.Name}\n{capture.Text}\n-- {string.Join(", ", capture.Parameters.Select(p => $"{p.Name}={p.Value}"))}");
                }

                double? rawMs = null;
                if (!scenario.CountOnly && capture.Text is not null)
                {
                    rawMs = await ReplayAsync(options, capture, ct);
                }

                if (i >= 0)
                {
                    ef.Add(efMs);
                    if (rawMs is { } r)
                    {
                        raw.Add(r);
                    }

                    rowsSeen += count;
                }
            }

            var efLatency = Latency.Of(ef);
            results.Add((scenario, efLatency, raw.Count > 0 ? Latency.Of(raw) : null, ef.Count == 0 ? 0 : (double)rowsSeen / ef.Count));
            Console.WriteLine($"  {scenario.Name,-32} n={efLatency.Count,4}  EF p50 {efLatency.P50,7:F2}  p95 {efLatency.P95,7:F2}  p99 {efLatency.P99,7:F2} ms");
        }

        return results;
    }

    public static string Table(string provider, int rows, List<(Scenario Scenario, Latency Ef, Latency? Raw, double Rows)> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### {provider}, {rows:N0} records, page size {PageSize}");
        sb.AppendLine();
        sb.AppendLine("| scenario | n | rows/page | EF p50 | EF p95 | EF p99 | raw ADO.NET p50 | raw p95 | raw p99 |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (s, ef, raw, r) in results)
        {
            string F(double v) => double.IsNaN(v) ? "–" : v.ToString("F2", CultureInfo.InvariantCulture);
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {ef.Count} | {r:F0} | {F(ef.P50)} | {F(ef.P95)} | {F(ef.P99)} | {(raw is null ? "–" : F(raw.P50))} | {(raw is null ? "–" : F(raw.P95))} | {(raw is null ? "–" : F(raw.P99))} |");
        }

        sb.AppendLine();
        sb.AppendLine("Times in ms. EF = RecordQueries.PageAsync with a fresh context per request (includes loading the code lists: 3 small queries); raw = the captured page SQL replayed through ADO.NET, all columns read. Count rows: CountUpToAsync(filter, 10,001).");
        return sb.ToString();
    }

    private static RecordFilter All() => new() { Clearance = 4 };

    private static LantaiDbContext Context(DatabaseOptions options, CommandCapture capture)
    {
        if (options.IsPostgres)
        {
            var pg = new DbContextOptionsBuilder<PostgresLantaiDbContext>();
            LantaiDatabase.ConfigurePostgres(pg, options.PostgresConnectionString!);
            pg.AddInterceptors(capture);
            return new PostgresLantaiDbContext(pg.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteLantaiDbContext>();
        LantaiDatabase.ConfigureSqlite(sqlite, options.SqliteConnectionString);
        sqlite.AddInterceptors(capture);
        return new SqliteLantaiDbContext(sqlite.Options);
    }

    private static async Task<double> ReplayAsync(DatabaseOptions options, CommandCapture capture, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using DbConnection conn = options.IsPostgres ? new NpgsqlConnection(options.PostgresConnectionString) : new SqliteConnection(options.SqliteConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = capture.Text;
        foreach (var (name, value, type) in capture.Parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            p.DbType = type;
            cmd.Parameters.Add(p);
        }

        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(ct))
        {
            reader.GetValues(values);
        }

        return watch.Elapsed.TotalMilliseconds;
    }
}
