using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using Lantai.Preservation;
using Lantai.Security;

namespace Lantai.Bench;

/// <summary>
/// The raw limit of this machine for an ingest: the same bytes read, hashed with SM3 and SHA-256 and written to
/// another file by this process in a tight loop, with nothing else (no database, no checks, no store layout), then
/// made durable with one syncfs. The ingest benchmark compares its MB/s with the best of the two ways below.
/// </summary>
public static class RawLimit
{
    /// <summary>How the loop uses the two cores.</summary>
    public enum Mode
    {
        /// <summary>One file at a time, SM3 and SHA-256 on two threads (DualDigest.CopyAsync): best for large files.</summary>
        DualDigestPerFile,

        /// <summary>Two files at a time, each read, hashed and written on one thread: best for many small files.</summary>
        TwoFilesAtOnce,
    }

    public sealed record Result(Mode Mode, int Files, long Bytes, TimeSpan Elapsed)
    {
        /// <summary>CPU time this process used for the run (all threads): the figure the neighbours on a shared machine change least.</summary>
        public TimeSpan Cpu { get; init; }

        public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;

        public double FilesPerSecond => Files / Elapsed.TotalSeconds;

        public override string ToString() =>
            $"{Mode,-18} {Files,7} files {Bytes / 1e6,9:F1} MB {Elapsed.TotalSeconds,7:F2} s {MegabytesPerSecond,8:F1} MB/s {FilesPerSecond,9:F0} files/s";
    }

    /// <summary>
    /// Runs both modes over <paramref name="files"/> (writing under <paramref name="outputDirectory"/>, removed afterwards,
    /// or, when <paramref name="keep"/> is given, added to it for the caller to remove later).
    /// </summary>
    public static async Task<IReadOnlyList<Result>> RunAllAsync(IReadOnlyList<string> files, string outputDirectory, CancellationToken cancellationToken, List<string>? keep = null) =>
    [
        await RunAsync(files, outputDirectory, Mode.DualDigestPerFile, cancellationToken, keep),
        await RunAsync(files, outputDirectory, Mode.TwoFilesAtOnce, cancellationToken, keep),
    ];

    /// <summary>
    /// One mode over <paramref name="files"/>. <paramref name="keep"/>: the output folder is left for the caller, who
    /// deletes it after the phases it compares with — on this VM's ext4 (no journal) inodes freed in the last minute are
    /// skipped one by one at every new file's allocation, so deleting 10,000 files just before makes the next file
    /// creations several times dearer (perf: recently_deleted / find_inode_bit).
    /// </summary>
    public static async Task<Result> RunAsync(IReadOnlyList<string> files, string outputDirectory, Mode mode, CancellationToken cancellationToken, List<string>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var target = Path.Combine(outputDirectory, "raw-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        try
        {
            long bytes = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            if (mode == Mode.DualDigestPerFile)
            {
                for (var i = 0; i < files.Count; i++)
                {
                    await using var source = OpenSource(files[i]);
                    await using var destination = OpenDestination(Path.Combine(target, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), source.Length);
                    bytes += (await DualDigest.CopyAsync(source, destination, includeMd5: false, cancellationToken)).Length;
                }
            }
            else
            {
                var next = -1;
                var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
                {
                    long mine = 0;
                    var buffer = ArrayPool<byte>.Shared.Rent(DualDigest.BufferSize);
                    try
                    {
                        int i;
                        while ((i = Interlocked.Increment(ref next)) < files.Count)
                        {
                            mine += await CopyOneThreadAsync(files[i], Path.Combine(target, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), buffer, cancellationToken);
                        }
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                    }

                    return mine;
                }, cancellationToken)).ToArray();
                bytes = (await Task.WhenAll(workers)).Sum();
            }

            FileSync.SyncFileSystem(target);
            return new Result(mode, files.Count, bytes, clock.Elapsed) { Cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu };
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(target, recursive: true);
            }
            else
            {
                keep.Add(target);
            }
        }
    }

    private static async Task<long> CopyOneThreadAsync(string path, string destinationPath, byte[] buffer, CancellationToken cancellationToken)
    {
        await using var source = OpenSource(path);
        await using var destination = OpenDestination(destinationPath, source.Length);
        using var sm3 = Sm3Hasher.Create();
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer.AsMemory(0, DualDigest.BufferSize), cancellationToken)) > 0)
        {
            sm3.Append(buffer.AsSpan(0, read));
            sha256.AppendData(buffer.AsSpan(0, read));
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }

        sm3.GetHashAndReset();
        sha256.GetHashAndReset();
        return total;
    }

    private static FileStream OpenSource(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, BufferSize = 0, Options = FileOptions.SequentialScan });

    private static FileStream OpenDestination(string path, long length) =>
        new(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 0, PreallocationSize = length });
}
