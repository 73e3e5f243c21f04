using System.Diagnostics;
using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Preservation;
using Lantai.Transfer;
using Lantai.Transfer.Checks;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Bench.Ingest;

/// <summary>
/// Ingest of a transfer: (a) 10,000 files of 10–200 KB, (b) four files of 500 MB, and on request (c) one file of 4 GiB
/// (issue 3 §7: memory stays flat; generated sparse, deleted after the run). For each set, in the same run: the
/// raw limit of the machine for the same bytes (read + SM3 + SHA-256 + write, <see cref="RawLimit"/>, best of its two
/// modes), then Lantai's check (四性检测, which reads every byte too) and Lantai's ingest of the accepted items (store,
/// AIPs, catalogue), each as files/s, MB/s and the ratio to the raw limit.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sets = new List<string>();
        var dir = Path.Combine(Path.GetTempPath(), "lantai-bench-ingest");
        var smallCount = 10_000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--set": sets.Add(args[++i]); break;
                case "--dir": dir = args[++i]; break;
                case "--small-files": smallCount = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        if (sets.Count == 0)
        {
            sets.AddRange(["small", "large"]);
        }

        Console.WriteLine("# Transfer ingest benchmark");
        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine();
        Console.WriteLine("| set | files | MB | raw limit MB/s (files/s) | check MB/s (files/s) | ingest MB/s (files/s) | ingest / raw | AIPs after the ingest | ingest + AIPs / raw | CPU s: raw / ingest / AIPs | peak working set: whole run / ingest |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var set in sets)
        {
            var random = new Random(20261123);
            var sizes = set switch
            {
                "large" => Enumerable.Repeat(500L * 1000 * 1000, 4).ToList(),
                "huge" => [HugeFile],
                _ => Enumerable.Range(0, smallCount).Select(_ => (long)random.Next(10_000 / 4, 200_000 / 4) * 4).ToList(),
            };
            var package = TransferSetGenerator.Write(Path.Combine(dir, $"package-{set}-{sizes.Count}"), sizes, seed: 7, sparse: set == "huge");
            var files = Directory.EnumerateFiles(Path.Combine(package, "音频")).Order(StringComparer.Ordinal).ToList();
            var bytes = sizes.Sum();

            var raw = (await RawLimit.RunAllAsync(files, dir, default)).MaxBy(r => r.MegabytesPerSecond)!;
            var (check, ingest, aips, cpu, peak, ingestPeak) = await LantaiAsync(package, Path.Combine(dir, "data-" + Guid.NewGuid().ToString("N")));
            if (set == "huge")
            {
                Directory.Delete(package, recursive: true); // 4 GiB: not kept for the next run
            }

            double Mb(TimeSpan t) => bytes / 1e6 / t.TotalSeconds;
            double Fps(TimeSpan t) => files.Count / t.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"| {set} | {files.Count:N0} | {bytes / 1e6:N0} | {raw.MegabytesPerSecond:F1} ({raw.FilesPerSecond:F0}) | {Mb(check):F1} ({Fps(check):F0}) | {Mb(ingest):F1} ({Fps(ingest):F0}) | {Mb(ingest) / raw.MegabytesPerSecond:P0} | {aips.TotalSeconds:F1} s ({files.Count / aips.TotalSeconds:F0}/s) | {Mb(ingest + aips) / raw.MegabytesPerSecond:P0} | {raw.Cpu.TotalSeconds:F1} / {cpu.Ingest.TotalSeconds:F1} / {cpu.Aips.TotalSeconds:F1} | {peak / 1048576.0:F0} / {ingestPeak / 1048576.0:F0} MB |"));
        }

        Console.WriteLine();
        Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>The huge set's one file: 4 GiB less 4 bytes, the most a WAV (RIFF, 32-bit sizes) can hold.</summary>
    private const long HugeFile = (4L << 30) - 4;

    /// <summary>
    /// Receives, checks, accepts and ingests the package on a fresh SQLite archive, then writes the AIPs (the job the
    /// ingest queues); returns the three timings.
    /// </summary>
    private static async Task<(TimeSpan Check, TimeSpan Ingest, TimeSpan Aips, (TimeSpan Ingest, TimeSpan Aips) Cpu, long PeakWorkingSet, long IngestPeakWorkingSet)> LantaiAsync(string package, string dataDir)
    {
        var options = new DatabaseOptions { DataDir = dataDir };
        await using var services = new ServiceCollection().AddLogging().AddLantaiEngine(options).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
            await LantaiDatabase.MigrateAsync(db, options, default);
            await CheckRuleSeeder.EnsureAsync(db, default);
            var fonds = await scope.ServiceProvider.GetRequiredService<FondsService>().CreateAsync(new FondsDraft { Code = "0426", Name = "示例旗人民政府办公室" }, "bench", default);
            Ensure(fonds.Succeeded, "fonds");
        }

        await using var memory = MemorySampler.Start();
        Guid transferId;
        var clock = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var receipt = await scope.ServiceProvider.GetRequiredService<TransferService>().ReceiveAsync(
                new TransferRequest { Path = package, Name = Path.GetFileName(package), Actor = "bench", QueueCheck = false }, default);
            Ensure(receipt.Succeeded, "receive");
            transferId = receipt.Value.Transfer.Id;
            var checkedTransfer = await scope.ServiceProvider.GetRequiredService<TransferChecker>().RunAsync(transferId, receipt.Value.SourcePath, "bench", null, default);
            Ensure(checkedTransfer.State == TransferState.Checked, "check: " + checkedTransfer.State + " " + checkedTransfer.Reason);
        }

        var check = clock.Elapsed;
        await using (var scope = services.CreateAsyncScope())
        {
            var accepted = await scope.ServiceProvider.GetRequiredService<TransferService>().AcceptInForegroundAsync(transferId, null, "bench", default);
            Ensure(accepted.Succeeded, accepted.Succeeded ? "" : "accept: " + accepted.Errors[0].Message);
        }

        var ingestMemory = MemorySampler.Start(); // the ingest's own peak: the check runs mediainfo and more
        clock.Restart();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        await using (ingestMemory)
        await using (var scope = services.CreateAsyncScope())
        {
            var done = await scope.ServiceProvider.GetRequiredService<TransferIngester>().RunAsync(transferId, "bench", null, default);
            Ensure(done.State == TransferState.Accepted, "ingest");
        }

        var ingest = clock.Elapsed;
        var cpuIngest = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
        clock.Restart();
        await using (var scope = services.CreateAsyncScope())
        {
            var written = await scope.ServiceProvider.GetRequiredService<AipKeeper>().CatchUpAsync(null, default);
            Ensure(written > 0, "AIPs");
        }

        var aips = clock.Elapsed;
        var cpuAips = Process.GetCurrentProcess().TotalProcessorTime - cpuStart - cpuIngest;
        Directory.Delete(dataDir, recursive: true);
        return (check, ingest, aips, (cpuIngest, cpuAips), memory.PeakWorkingSet, ingestMemory.PeakWorkingSet);
    }

    private static void Ensure(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("benchmark step failed: " + what);
        }
    }
}
