using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Lantai.Data;
using Lantai.Preservation;
using Lantai.Security;

namespace Lantai.Bench.Hash;

/// <summary>
/// `hash`: digest throughput on this machine — BouncyCastle SM3, OpenSSL SM3 (P/Invoke), SHA-256, and DualDigest (SM3
/// and SHA-256 together on two cores) over an in-memory buffer and over files; `openssl speed` beside them as the
/// reference; the raw limit (read + SM3 + SHA-256 + write) on large and small files; and the object store's commit
/// with syncfs against per-file fsync.
/// </summary>
internal static partial class HashBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var megabytes = IntOption(args, "--mb", 256);
        var directory = StringOption(args, "--dir", Path.Combine(Path.GetTempPath(), "lantai-bench-hash"));
        var withFiles = !args.Contains("--no-files");
        Directory.CreateDirectory(directory);
        Console.WriteLine($"hash benchmark: {Environment.ProcessorCount} cores, {RuntimeInformationText()}, buffer {megabytes} MB, dir {directory}");
        Console.WriteLine($"SM3 default implementation: {Sm3Hasher.DefaultImplementation}");

        var data = new byte[megabytes * 1024L * 1024L];
        new Random(1).NextBytes(data);
        Console.WriteLine();
        Console.WriteLine("In memory (best of 3, GB/s = 10^9 bytes/s):");
        Report("SM3 BouncyCastle", data.Length, Best(2, () => HashSm3(data, Sm3Implementation.BouncyCastle)));
        Report("SM3 OpenSSL", data.Length, Best(3, () => HashSm3(data, Sm3Implementation.OpenSsl)));
        Report("SHA-256 (.NET)", data.Length, Best(3, () => SHA256.HashData(data)));
        Report("SM3+SHA-256 one thread", data.Length, Best(3, () => { HashSm3(data, Sm3Implementation.OpenSsl); SHA256.HashData(data); }));
        Report("DualDigest (2 cores)", data.Length, await BestAsync(3, () => DualDigest.ComputeAsync(new MemoryStream(data, writable: false), default)));
        Report("DualDigest + MD5", data.Length, await BestAsync(3, () => DualDigest.ComputeAsync(new MemoryStream(data, writable: false), includeMd5: true, default)));

        Console.WriteLine();
        Console.WriteLine("openssl speed -seconds 2 -evp (16 KB blocks; counts CPU time, like the per-CPU-second column):");
        foreach (var algorithm in new[] { "sm3", "sha256" })
        {
            var speed = await OpenSslSpeedAsync(algorithm);
            Console.WriteLine(speed is { } s ? $"  {algorithm,-24} {s / 1e9,6:F3} GB/s" : $"  {algorithm,-24} (openssl not runnable)");
        }

        if (withFiles)
        {
            await FilesAsync(directory, data);
        }

        await StoreCommitAsync(directory);
        return 0;
    }

    private static async Task FilesAsync(string directory, byte[] data)
    {
        var large = Path.Combine(directory, "large");
        var small = Path.Combine(directory, "small");
        Directory.CreateDirectory(large);
        Directory.CreateDirectory(small);
        var largeFiles = Enumerable.Range(0, 4).Select(i => Path.Combine(large, $"file{i}.bin")).ToList();
        foreach (var file in largeFiles)
        {
            await File.WriteAllBytesAsync(file, data);
        }

        var random = new Random(2);
        var smallFiles = new List<string>();
        long smallBytes = 0;
        for (var i = 0; i < 2000; i++)
        {
            var length = random.Next(10_000, 200_001);
            var path = Path.Combine(small, $"f{i:D5}.bin");
            await File.WriteAllBytesAsync(path, data.AsMemory(random.Next(0, data.Length - length), length).ToArray());
            smallFiles.Add(path);
            smallBytes += length;
        }

        Console.WriteLine();
        Console.WriteLine($"Files (page cache warm; {largeFiles.Count} x {data.Length / 1e6:F0} MB, and {smallFiles.Count} files of 10–200 KB = {smallBytes / 1e6:F0} MB):");
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        foreach (var file in largeFiles)
        {
            await using var stream = new FileStream(file, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, BufferSize = 0, Options = FileOptions.SequentialScan });
            bytes += (await DualDigest.ComputeAsync(stream, default)).Length;
        }

        Report("DualDigest, large files", bytes, clock.Elapsed);
        Console.WriteLine("Raw limit (read + SM3 + SHA-256 + write, one syncfs at the end):");
        foreach (var result in await RawLimit.RunAllAsync(largeFiles, directory, default))
        {
            Console.WriteLine("  large  " + result);
        }

        foreach (var result in await RawLimit.RunAllAsync(smallFiles, directory, default))
        {
            Console.WriteLine("  small  " + result);
        }

        Directory.Delete(large, recursive: true);
        Directory.Delete(small, recursive: true);
    }

    /// <summary>256 files of 10–200 KB put into the store in one batch: commit time with syncfs and with fsync per file and directory.</summary>
    private static async Task StoreCommitAsync(string directory)
    {
        Console.WriteLine();
        Console.WriteLine("Object store, one batch of 256 files of 10–200 KB (best of 3; new store each time):");
        foreach (var mode in new[] { StoreSyncMode.SyncFs, StoreSyncMode.PerFile })
        {
            var best = (Add: TimeSpan.FromDays(1), Commit: TimeSpan.FromDays(1));
            for (var round = 0; round < 3; round++)
            {
                var dataDir = Path.Combine(directory, "store-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(dataDir);
                using var store = new ObjectStore(new DatabaseOptions { DataDir = dataDir }) { SyncMode = mode };
                var random = new Random(round + 10);
                var clock = Stopwatch.StartNew();
                await using (var batch = store.BeginBatch())
                {
                    for (var i = 0; i < 256; i++)
                    {
                        var content = new byte[random.Next(10_000, 200_001)];
                        random.NextBytes(content);
                        await batch.AddAsync(new MemoryStream(content), default);
                    }

                    var added = clock.Elapsed;
                    await batch.CommitAsync(default);
                    var commit = clock.Elapsed - added;
                    if (added + commit < best.Add + best.Commit)
                    {
                        best = (added, commit);
                    }
                }

                Directory.Delete(dataDir, recursive: true);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {mode,-8} add {best.Add.TotalMilliseconds,7:F0} ms  commit {best.Commit.TotalMilliseconds,7:F0} ms  total {(best.Add + best.Commit).TotalMilliseconds,7:F0} ms"));
        }
    }

    private static void HashSm3(byte[] data, Sm3Implementation implementation)
    {
        using var hasher = Sm3Hasher.Create(implementation);
        // 1 MB appends, as a reader would feed it.
        for (var offset = 0; offset < data.Length; offset += 1 << 20)
        {
            hasher.Append(data.AsSpan(offset, Math.Min(1 << 20, data.Length - offset)));
        }

        hasher.GetHashAndReset();
    }

    /// <summary>Best wall time of the rounds, with the process CPU time of that round (openssl speed counts CPU time).</summary>
    private static (TimeSpan Wall, TimeSpan Cpu) Best(int rounds, Action action) =>
        BestAsync(rounds, () => { action(); return Task.FromResult(0); }).GetAwaiter().GetResult();

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> BestAsync<T>(int rounds, Func<Task<T>> action)
    {
        var best = (Wall: TimeSpan.MaxValue, Cpu: TimeSpan.Zero);
        for (var i = 0; i < rounds; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await action();
            var wall = clock.Elapsed;
            if (wall < best.Wall)
            {
                best = (wall, Process.GetCurrentProcess().TotalProcessorTime - cpu);
            }
        }

        return best;
    }

    private static void Report(string what, long bytes, (TimeSpan Wall, TimeSpan Cpu) time) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-24} {bytes / time.Wall.TotalSeconds / 1e9,6:F3} GB/s wall  {bytes / time.Cpu.TotalSeconds / 1e9,6:F3} GB/s per CPU-second  ({time.Wall.TotalSeconds:F2} s)"));

    private static void Report(string what, long bytes, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-24} {bytes / elapsed.TotalSeconds / 1e9,6:F3} GB/s wall  ({elapsed.TotalSeconds:F2} s)"));

    /// <summary>Runs `openssl speed -seconds 2 -evp ALG` and returns bytes/s at 16 KB blocks (its last column), or null.</summary>
    private static async Task<double?> OpenSslSpeedAsync(string algorithm)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("openssl", ["speed", "-seconds", "2", "-evp", algorithm])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return null;
            }

            var output = await process.StandardOutput.ReadToEndAsync();
            await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var line = output.Split('\n').LastOrDefault(l => l.StartsWith(algorithm, StringComparison.OrdinalIgnoreCase));
            var last = line is null ? null : SpeedColumn().Matches(line).LastOrDefault();
            return last is null ? null : double.Parse(last.Groups[1].Value, CultureInfo.InvariantCulture) * 1000;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"([0-9.]+)k")]
    private static partial Regex SpeedColumn();

    private static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static string StringOption(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
