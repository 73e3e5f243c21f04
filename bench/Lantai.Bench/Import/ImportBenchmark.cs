using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Lantai.Catalogue;
using Lantai.Catalogue.Import;
using Lantai.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lantai.Bench.Import;

/// <summary>
/// Catalogue import: generates N realistic rows as CSV and xlsx, imports each into a fresh SQLite and a fresh
/// PostgreSQL database through <see cref="CatalogueImporter"/>, and writes the same rows with the bare drivers as
/// the reference. Prints rows/s, elapsed time and peak memory per combination, as a Markdown table.
/// </summary>
internal static class ImportBenchmark
{
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=lantai;Password=lantai;Database=postgres";

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = 1_000_000;
        var pg = DefaultPostgres;
        var usePg = true;
        string? dir = null;
        var only = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pg": pg = args[++i]; break;
                case "--no-pg": usePg = false; break;
                case "--dir": dir = args[++i]; break;
                case "--only": only.Add(args[++i]); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        bool Wanted(string name) => only.Count == 0 || only.Contains(name);
        dir ??= Path.Combine(Path.GetTempPath(), "lantai-bench-import");
        Directory.CreateDirectory(dir);
        Console.WriteLine($"# Catalogue import benchmark: {rows:N0} rows");
        Console.WriteLine($"machine: {Machine()}");
        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine();

        var csvPath = Path.Combine(dir, $"catalogue-{rows}.csv");
        var secondPath = Path.Combine(dir, $"catalogue-{rows}-other-fonds.csv");
        var xlsxPath = Path.Combine(dir, $"catalogue-{rows}.xlsx");
        var watch = Stopwatch.StartNew();
        if (!File.Exists(csvPath))
        {
            CatalogueFiles.WriteCsv(csvPath, CatalogueGenerator.Rows(rows));
        }

        if (!File.Exists(secondPath) && Wanted("csv"))
        {
            CatalogueFiles.WriteCsv(secondPath, CatalogueGenerator.OtherFondsRows(rows));
        }

        if (!File.Exists(xlsxPath) && (Wanted("xlsx") || Wanted("read")))
        {
            CatalogueFiles.WriteXlsx(xlsxPath, CatalogueGenerator.Rows(rows));
        }

        Console.WriteLine($"files: {csvPath} ({new FileInfo(csvPath).Length / 1048576.0:F1} MB)" +
            (File.Exists(xlsxPath) ? $", {xlsxPath} ({new FileInfo(xlsxPath).Length / 1048576.0:F1} MB)" : "") + $" — ready in {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine();

        var results = new List<Measurement>();
        var providers = new List<string> { "SQLite" };
        if (usePg)
        {
            providers.Add("PostgreSQL");
        }

        if (Wanted("read"))
        {
            results.Add(await MeasurePreviewAsync("CSV", csvPath, dir, rows));
            if (File.Exists(xlsxPath))
            {
                results.Add(await MeasurePreviewAsync("xlsx", xlsxPath, dir, rows));
            }
        }

        foreach (var provider in providers)
        {
            if (Wanted("raw"))
            {
                results.Add(await MeasureRawAsync(provider, dir, pg, rows));
            }

            if (Wanted("csv"))
            {
                results.AddRange(await MeasureImportAsync("CSV", csvPath, provider, dir, pg, rows, secondPath));
            }

            if (Wanted("xlsx") && File.Exists(xlsxPath))
            {
                results.AddRange(await MeasureImportAsync("xlsx", xlsxPath, provider, dir, pg, rows, null));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load average at end: {LoadAverage()}");
        Console.WriteLine("| what | database | rows | elapsed | rows/s | vs raw engine | CPU (this process) | peak working set | peak managed heap |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in results)
        {
            var raw = results.FirstOrDefault(r => r.What == "raw engine" && r.Database == m.Database);
            var ratio = raw is null || m.What == "raw engine" || m.Database == "—" ? "" : $"{m.RowsPerSecond / raw.RowsPerSecond:P0}";
            Console.WriteLine($"| {m.What} | {m.Database} | {m.Rows:N0} | {m.Elapsed.TotalSeconds:F1} s | {m.RowsPerSecond:N0} | {ratio} | {m.Cpu.TotalSeconds:F1} s | {m.PeakWorkingSet / 1048576.0:N0} MB | {m.PeakManaged / 1048576.0:N0} MB |");
        }

        return 0;
    }

    private static async Task<Measurement> MeasurePreviewAsync(string format, string path, string dir, int rows)
    {
        await using var database = await BenchDatabase.CreateAsync("SQLite", dir, DefaultPostgres);
        await using var db = database.CreateContext();
        var importer = new CatalogueImporter(db, TimeProvider.System);
        await using var memory = MemorySampler.Start();
        var watch = Stopwatch.StartNew();
        var preview = await importer.PreviewAsync(ImportSource.FromFile(path), ImportOptions.Default, null, default);
        watch.Stop();
        Check(preview.CanCommit && preview.RowCount == rows, $"preview of {format}: {preview.RowCount} rows, {preview.ErrorCount} errors: {string.Join("; ", preview.Errors.Take(3))}");
        return Report(new Measurement($"read + check {format} (preview)", "—", rows, watch.Elapsed, memory.PeakWorkingSet, memory.PeakManaged, memory.CpuTime));
    }

    /// <summary>
    /// Imports the file into a fresh database; with <paramref name="secondPath"/>, then imports that file (other fonds)
    /// into the same, now full, catalogue, so the duplicate lookups against the database run for every row.
    /// </summary>
    private static async Task<List<Measurement>> MeasureImportAsync(string format, string path, string provider, string dir, string pg, int rows, string? secondPath)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, dir, pg);
        var results = new List<Measurement> { await ImportOnceAsync(database, $"import {format}", path, provider, rows, rows) };
        if (secondPath is not null)
        {
            results.Add(await ImportOnceAsync(database, $"import {format} into a catalogue of {rows:N0}", secondPath, provider, rows, 2L * rows));
        }

        return results;
    }

    private static async Task<Measurement> ImportOnceAsync(BenchDatabase database, string what, string path, string provider, int rows, long expectedTotal)
    {
        await using var db = database.CreateContext();
        var importer = new CatalogueImporter(db, TimeProvider.System);
        await using var memory = MemorySampler.Start();
        var watch = Stopwatch.StartNew();
        var result = await importer.CommitAsync(ImportSource.FromFile(path), ImportOptions.Default, "bench", null, default);
        watch.Stop();
        Check(result.Succeeded, $"{what} into {provider}: {string.Join("; ", result.Errors.Take(3).Select(e => e.Message))}");
        Check(result.Value.RecordCount == rows, $"{what} into {provider}: {result.Value.RecordCount} records");
        await using var check = database.CreateContext();
        Check(await check.Records.LongCountAsync() == expectedTotal, "record count after import");
        return Report(new Measurement(what, provider, rows, watch.Elapsed, memory.PeakWorkingSet, memory.PeakManaged, memory.CpuTime));
    }

    private static async Task<Measurement> MeasureRawAsync(string provider, string dir, string pg, int rows)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, dir, pg);
        var fondsIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var db = database.CreateContext())
        {
            var service = new FondsService(db, TimeProvider.System);
            foreach (var code in CatalogueGenerator.FondsCodes)
            {
                fondsIds[code] = (await service.CreateAsync(new FondsDraft { Code = code, Name = "全宗 " + code }, "bench", default)).Value.Id.Value;
            }
        }

        await using var memory = MemorySampler.Start();
        var watch = Stopwatch.StartNew();
        var count = provider == "SQLite"
            ? RawEngine.Sqlite(database.Options.SqliteConnectionString, CatalogueGenerator.Rows(rows), fondsIds)
            : await RawEngine.PostgresAsync(database.Options.PostgresConnectionString!, CatalogueGenerator.Rows(rows), fondsIds);
        watch.Stop();
        Check(count == rows, "raw row count");
        return Report(new Measurement("raw engine", provider, rows, watch.Elapsed, memory.PeakWorkingSet, memory.PeakManaged, memory.CpuTime));
    }

    private static Measurement Report(Measurement m)
    {
        Console.WriteLine($"{m.What,-28} {m.Database,-10} {m.Rows,10:N0} rows  {m.Elapsed.TotalSeconds,7:F1} s  {m.RowsPerSecond,10:N0} rows/s  cpu {m.Cpu.TotalSeconds,6:F1} s  peak {m.PeakWorkingSet / 1048576.0,6:N0} MB working set, {m.PeakManaged / 1048576.0,5:N0} MB managed");
        return m;
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark check failed: " + what);
        }
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The machine is shared: the load average says how much of it the run had.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Measurement(string What, string Database, int Rows, TimeSpan Elapsed, long PeakWorkingSet, long PeakManaged, TimeSpan Cpu)
    {
        public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
    }
}
