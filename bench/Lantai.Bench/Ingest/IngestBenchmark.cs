using System.Diagnostics;
using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Transfer;
using Lantai.Transfer.Checks;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Bench.Ingest;

/// <summary>
/// Ingest of a transfer: (a) 10,000 files of 10–200 KB, (b) four files of 500 MB, and on request (c) one file of 4 GiB
/// (issue 3 §7: memory stays flat; generated sparse, deleted after the run) or (d) `documents`: 2,000 copies of the
/// content samples (PDF, PDF/A, OFD, JPEG and TIFF scans: the check's parsing, decoding and signature work). For each set, in the same run: the
/// raw limit of the machine for the same bytes (read + SM3 + SHA-256 + write, <see cref="RawLimit"/>, best of its two
/// modes), then Lantai's check (四性检测, which reads every byte too) and Lantai's ingest of the accepted items (store,
/// catalogue) with their AIPs, each as files/s, MB/s and the ratio to the raw limit. The ingest runs as the product runs
/// it: the ingest job (<see cref="TransferIngestJob"/>) through the job runner, with the AIP keeper beside it; the
/// figures are when the ingest's last batch was committed and when the last AIP was durable (the job's end), both from
/// the start of the job. `--aips after` runs them one after the other instead (the ingest alone, then the keeper), as
/// before round 5, for comparison in the same window.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sets = new List<string>();
        var dir = Path.Combine(Path.GetTempPath(), "lantai-bench-ingest");
        var smallCount = 10_000;
        var documentCount = 2_000;
        var aipsAfter = false;
        var keepData = false;
        var warm = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--set": sets.Add(args[++i]); break;
                case "--dir": dir = args[++i]; break;
                case "--keep-data": keepData = true; break;
                case "--warm": warm = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--small-files": smallCount = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--documents": documentCount = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--aips":
                    aipsAfter = args[++i] switch
                    {
                        "during" => false,
                        "after" => true,
                        _ => throw new ArgumentException("--aips during|after"),
                    };
                    break;
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
        Console.WriteLine(aipsAfter ? "AIPs: after the ingest (the keeper alone once the ingest has ended)" : "AIPs: during the ingest (the ingest job with its keeper beside it)");
        Console.WriteLine();
        // A small transfer ingested first by the same services (with its AIPs), so the measured one finds the code paths
        // of the ingest and the keeper already compiled at their final tier, as in a server that has ingested before.
        var warmPackage = warm > 0
            ? TransferSetGenerator.Write(Path.Combine(dir, $"package-warm-{warm}"), [.. Enumerable.Range(0, warm).Select(i => 10_000L + (i % 50 * 3_000))], seed: 11, fonds: "0427")
            : null;
        Console.WriteLine(warm > 0 ? $"warm-up: a transfer of {warm} files ingested first by the same services (the JIT's tier-up out of the figures)" : "cold: the first ingest of the process (the JIT's tier-up counted)");
        Console.WriteLine("| set | files | MB | raw limit MB/s (files/s) | check MB/s (files/s) | ingest ends at: s, MB/s, / raw | last AIP durable at | ingest + AIPs MB/s (files/s) | ingest + AIPs / raw | CPU s: raw / ingest + AIPs (ingest alone), of which system | peak working set: whole run / ingest | load at ingest start |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var set in sets)
        {
            var random = new Random(20261123);
            var sizes = set switch
            {
                "large" => Enumerable.Repeat(500L * 1000 * 1000, 4).ToList(),
                "huge" => [HugeFile],
                _ => Enumerable.Range(0, smallCount).Select(_ => (long)random.Next(10_000 / 4, 200_000 / 4) * 4).ToList(),
            };
            var package = set == "documents"
                ? TransferSetGenerator.WriteDocuments(Path.Combine(dir, $"package-documents-{documentCount}"), documentCount)
                : TransferSetGenerator.Write(Path.Combine(dir, $"package-{set}-{sizes.Count}"), sizes, seed: 7, sparse: set == "huge");
            var files = Directory.EnumerateFiles(package, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) != "目录.csv").Order(StringComparer.Ordinal).ToList();
            var bytes = files.Sum(f => new FileInfo(f).Length);

            // The raw loop's output is deleted after the Lantai phases, not between them (see RawLimit.RunAsync).
            var rawOutputs = new List<string>();
            var raw = (await RawLimit.RunAllAsync(files, dir, default, rawOutputs)).MaxBy(r => r.MegabytesPerSecond)!;
            var (check, ingest, aips, cpu, peak, ingestPeak, load) = await LantaiAsync(package, Path.Combine(dir, "data-" + Guid.NewGuid().ToString("N")), aipsAfter, keepData, warmPackage);
            foreach (var output in rawOutputs)
            {
                if (keepData)
                {
                    Console.WriteLine($"kept: {output}");
                }
                else
                {
                    Directory.Delete(output, recursive: true);
                }
            }

            if (set == "huge")
            {
                Directory.Delete(package, recursive: true); // 4 GiB: not kept for the next run
            }

            double Mb(TimeSpan t) => bytes / 1e6 / t.TotalSeconds;
            double Fps(TimeSpan t) => files.Count / t.TotalSeconds;
            var cpuIngestAlone = aipsAfter ? FormattableString.Invariant($" ({cpu.Ingest.TotalSeconds:F1})") : "";
            Console.WriteLine(FormattableString.Invariant(
                $"| {set} | {files.Count:N0} | {bytes / 1e6:N0} | {raw.MegabytesPerSecond:F1} ({raw.FilesPerSecond:F0}) | {Mb(check):F1} ({Fps(check):F0}) | {ingest.TotalSeconds:F1} s, {Mb(ingest):F1}, {Mb(ingest) / raw.MegabytesPerSecond:P0} | {aips.TotalSeconds:F1} s | {Mb(aips):F1} ({Fps(aips):F0}) | **{Mb(aips) / raw.MegabytesPerSecond:P0}** | {raw.Cpu.TotalSeconds:F1} / {cpu.All.TotalSeconds:F1}{cpuIngestAlone}, system {cpu.System.TotalSeconds:F1} | {peak / 1048576.0:F0} / {ingestPeak / 1048576.0:F0} MB | {load} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>The huge set's one file: 4 GiB less 4 bytes, the most a WAV (RIFF, 32-bit sizes) can hold.</summary>
    private const long HugeFile = (4L << 30) - 4;

    /// <summary>
    /// Receives, checks, accepts and ingests the package on a fresh SQLite archive with its AIPs; returns the check's time,
    /// when the ingest's last batch was committed and when the last AIP was durable (both from the ingest's start), the
    /// CPU time of the whole ingest with its AIPs (and of the ingest alone when the AIPs come after it) and the peaks.
    /// </summary>
    private static async Task<(TimeSpan Check, TimeSpan Ingest, TimeSpan Aips, (TimeSpan Ingest, TimeSpan All, TimeSpan System) Cpu, long PeakWorkingSet, long IngestPeakWorkingSet, string Load)> LantaiAsync(
        string package, string dataDir, bool aipsAfter, bool keepData, string? warmPackage)
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
            var warmFonds = await scope.ServiceProvider.GetRequiredService<FondsService>().CreateAsync(new FondsDraft { Code = "0427", Name = "预热" }, "bench", default);
            Ensure(warmFonds.Succeeded, "fonds");
        }

        if (warmPackage is not null)
        {
            await WarmAsync(services, warmPackage);
        }

        await using var memory = MemorySampler.Start();
        await PhaseAsync("check");
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
        Guid? jobId = null;
        await using (var scope = services.CreateAsyncScope())
        {
            var transfers = scope.ServiceProvider.GetRequiredService<TransferService>();
            if (aipsAfter)
            {
                var accepted = await transfers.AcceptInForegroundAsync(transferId, null, "bench", default);
                Ensure(accepted.Succeeded, accepted.Succeeded ? "" : "accept: " + accepted.Errors[0].Message);
            }
            else
            {
                // As the UI, the API and `lantai transfer ingest --accept` do: the decision queues the ingest job.
                var accepted = await transfers.AcceptAsync(transferId, null, "bench", default);
                Ensure(accepted.Succeeded, accepted.Succeeded ? "" : "accept: " + accepted.Errors[0].Message);
                jobId = accepted.Value.Id;
            }
        }

        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        await PhaseAsync("ingest");
        var ingestMemory = MemorySampler.Start(); // the ingest's own peak: the check runs mediainfo and more
        TimeSpan ingest;
        TimeSpan cpuIngest;
        var systemIngest = TimeSpan.Zero;
        clock.Restart();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var systemStart = Process.GetCurrentProcess().PrivilegedProcessorTime;
        await using (ingestMemory)
        {
            if (jobId is { } id)
            {
                // The ingest's end as its job reports it: the progress after the last batch's commit.
                var ingestEnded = TimeSpan.Zero;
                var job = await services.GetRequiredService<JobRunner>().RunNowAsync(id, new Observer(p =>
                {
                    if (ingestEnded == TimeSpan.Zero && p.Total is { } total && p.Done >= total)
                    {
                        ingestEnded = clock.Elapsed;
                    }
                }), default);
                Ensure(job?.State == JobState.Succeeded, "ingest job: " + job?.State + " " + job?.Error);
                ingest = ingestEnded;
                cpuIngest = TimeSpan.Zero;
            }
            else
            {
                await using (var scope = services.CreateAsyncScope())
                {
                    var done = await scope.ServiceProvider.GetRequiredService<TransferIngester>().RunAsync(transferId, "bench", null, default);
                    Ensure(done.State == TransferState.Accepted, "ingest");
                }

                ingest = clock.Elapsed;
                cpuIngest = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
                systemIngest = Process.GetCurrentProcess().PrivilegedProcessorTime - systemStart;
                await PhaseAsync("aips");
                await using (var scope = services.CreateAsyncScope())
                {
                    var written = await scope.ServiceProvider.GetRequiredService<AipKeeper>().CatchUpAsync(null, default);
                    Ensure(written > 0, "AIPs");
                }
            }
        }

        var aips = clock.Elapsed;
        var cpuAll = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
        var systemAll = Process.GetCurrentProcess().PrivilegedProcessorTime - systemStart;
        await PhaseAsync("end");
        if (aipsAfter)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"CPU s, user / system: ingest {(cpuIngest - systemIngest).TotalSeconds:F2} / {systemIngest.TotalSeconds:F2}, AIPs {(cpuAll - cpuIngest - (systemAll - systemIngest)).TotalSeconds:F2} / {(systemAll - systemIngest).TotalSeconds:F2}"));
        }
        else
        {
            Console.WriteLine(FormattableString.Invariant($"CPU s, user / system: ingest + AIPs {(cpuAll - systemAll).TotalSeconds:F2} / {systemAll.TotalSeconds:F2}"));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            Ensure(await scope.ServiceProvider.GetRequiredService<AipKeeper>().PendingAsync(default) == 0, "every AIP written");
        }

        if (keepData)
        {
            Console.WriteLine($"kept: {dataDir}");
        }
        else
        {
            Directory.Delete(dataDir, recursive: true);
        }

        return (check, ingest, aips, (cpuIngest, cpuAll, systemAll), memory.PeakWorkingSet, ingestMemory.PeakWorkingSet, load);
    }

    /// <summary>
    /// With LANTAI_BENCH_PHASES=1: names the phase that starts on stdout and waits a second, so a profiler started by a
    /// script that reads the output (perf record -p) sees one phase alone.
    /// </summary>
    private static async Task PhaseAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("LANTAI_BENCH_PHASES") == "1")
        {
            Console.WriteLine(FormattableString.Invariant($"@@phase {name} {Environment.ProcessId}"));
            await Console.Out.FlushAsync();
            await Task.Delay(1000);
        }
    }

    /// <summary>Receives, checks and ingests the warm-up package (fonds 0427) with its AIPs, as the measured run does.</summary>
    private static async Task WarmAsync(ServiceProvider services, string package)
    {
        Guid jobId;
        await using (var scope = services.CreateAsyncScope())
        {
            var transfers = scope.ServiceProvider.GetRequiredService<TransferService>();
            var receipt = await transfers.ReceiveAsync(
                new TransferRequest { Path = package, Name = Path.GetFileName(package), Actor = "bench", QueueCheck = false }, default);
            Ensure(receipt.Succeeded, "warm-up receive");
            var checkedTransfer = await scope.ServiceProvider.GetRequiredService<TransferChecker>().RunAsync(receipt.Value.Transfer.Id, receipt.Value.SourcePath, "bench", null, default);
            Ensure(checkedTransfer.State == TransferState.Checked, "warm-up check: " + checkedTransfer.State + " " + checkedTransfer.Reason);
            var accepted = await transfers.AcceptAsync(checkedTransfer.Id, null, "bench", default);
            Ensure(accepted.Succeeded, "warm-up accept");
            jobId = accepted.Value.Id;
        }

        var job = await services.GetRequiredService<JobRunner>().RunNowAsync(jobId, null, default);
        Ensure(job?.State == JobState.Succeeded, "warm-up ingest job: " + job?.State + " " + job?.Error);
        await using (var scope = services.CreateAsyncScope())
        {
            // The keeper's own path (after an ingest) too, for `--aips after`: nothing is pending, so this is cheap.
            _ = await scope.ServiceProvider.GetRequiredService<AipKeeper>().CatchUpAsync(null, default);
        }
    }

    private sealed class Observer(Action<JobProgress> report) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => report(value);
    }

    private static void Ensure(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("benchmark step failed: " + what);
        }
    }
}
