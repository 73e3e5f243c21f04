using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;
using Lantai.Security;

namespace Lantai.Preservation;

/// <summary>
/// SM3 and SHA-256 (and MD5 when a package declares it) of a stream in one read, optionally copying the bytes to a
/// destination in the same pass. SM3 is the slow step (~0.35 GB/s with OpenSSL here, SHA-256 with SHA-NI runs ~2 GB/s),
/// so SM3 gets a thread of its own while the reading thread hashes SHA-256 and writes on the other core: the pass runs
/// at about the speed of SM3 alone. The reader fills pooled buffers from a small ring; each buffer returns to the ring
/// when both threads are done with it, so memory stays flat for any size of file. Two threads, not three: on a 2-core
/// server a third runnable thread only adds switches.
/// </summary>
public static class DualDigest
{
    internal const int BufferSize = 256 * 1024;
    private const int RingDepth = 4;

    // Below this the cost of handing a buffer to another thread is larger than what the second core saves.
    private const int InlineLimit = 32 * 1024;

    public static Task<ContentDigests> ComputeAsync(Stream source, CancellationToken cancellationToken) =>
        RunAsync(source, null, includeMd5: false, Sm3Hasher.DefaultImplementation, cancellationToken);

    public static Task<ContentDigests> ComputeAsync(Stream source, bool includeMd5, CancellationToken cancellationToken) =>
        RunAsync(source, null, includeMd5, Sm3Hasher.DefaultImplementation, cancellationToken);

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> while computing the digests (one read).</summary>
    public static Task<ContentDigests> CopyAsync(Stream source, Stream destination, bool includeMd5, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return RunAsync(source, destination, includeMd5, Sm3Hasher.DefaultImplementation, cancellationToken);
    }

    /// <summary>
    /// As <see cref="CopyAsync(Stream, Stream, bool, CancellationToken)"/> with every digest on the calling thread: for a
    /// caller that keeps the second core busy with another file at the same time (many small files).
    /// </summary>
    public static Task<ContentDigests> CopyOnOneThreadAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return OneThreadAsync(source, destination, Sm3Hasher.DefaultImplementation, cancellationToken);
    }

    /// <summary>
    /// Both digests of a file on the calling thread by synchronous positional reads of its handle: for callers hashing
    /// many small files two at a time on worker threads, where an async read costs a thread-pool hop per call.
    /// </summary>
    internal static ContentDigests OfFile(Microsoft.Win32.SafeHandles.SafeFileHandle handle, CancellationToken cancellationToken)
    {
        using var sm3 = Sm3Hasher.Create();
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long length = 0;
        try
        {
            int read;
            while ((read = RandomAccess.Read(handle, buffer.AsSpan(0, BufferSize), length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                sm3.Append(buffer.AsSpan(0, read));
                sha256.AppendData(buffer.AsSpan(0, read));
                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new ContentDigests(Convert.ToHexStringLower(sm3.GetHashAndReset()), Convert.ToHexStringLower(sha256.GetHashAndReset()), length, null);
    }

    internal static async Task<ContentDigests> OneThreadAsync(Stream source, Stream? destination, Sm3Implementation implementation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var sm3 = Sm3Hasher.Create(implementation);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long length = 0;
        try
        {
            int read;
            while ((read = await source.ReadAtLeastAsync(buffer.AsMemory(0, BufferSize), BufferSize, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                sm3.Append(buffer.AsSpan(0, read));
                sha256.AppendData(buffer.AsSpan(0, read));
                if (destination is not null)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                length += read;
                if (read < BufferSize)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new ContentDigests(Convert.ToHexStringLower(sm3.GetHashAndReset()), Convert.ToHexStringLower(sha256.GetHashAndReset()), length, null);
    }

    /// <summary>The same with a chosen SM3 implementation (tests and benchmarks compare them).</summary>
    internal static async Task<ContentDigests> RunAsync(Stream source, Stream? destination, bool includeMd5, Sm3Implementation implementation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var sm3 = Sm3Hasher.Create(implementation);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = includeMd5 ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;

        var first = ArrayPool<byte>.Shared.Rent(BufferSize);
        long length;
        try
        {
            var count = await source.ReadAtLeastAsync(first.AsMemory(0, BufferSize), BufferSize, throwOnEndOfStream: false, cancellationToken);
            if (count < BufferSize)
            {
                // The whole content is in one buffer: no ring needed.
                await HashOneBufferAsync(first.AsMemory(0, count), destination, sm3, sha256, md5, cancellationToken);
                length = count;
            }
            else
            {
                var handedOver = first;
                first = null; // from here the pipeline owns the buffer and returns it to the pool
                length = await PipelineAsync(source, handedOver, destination, sm3, sha256, md5, cancellationToken);
            }
        }
        finally
        {
            if (first is not null)
            {
                ArrayPool<byte>.Shared.Return(first);
            }
        }

        return new ContentDigests(
            Convert.ToHexStringLower(sm3.GetHashAndReset()),
            Convert.ToHexStringLower(sha256.GetHashAndReset()),
            length,
            md5 is null ? null : Convert.ToHexStringLower(md5.GetHashAndReset()));
    }

    private static async Task HashOneBufferAsync(ReadOnlyMemory<byte> data, Stream? destination, Sm3Hasher sm3, IncrementalHash sha256, IncrementalHash? md5, CancellationToken cancellationToken)
    {
        if (data.Length <= InlineLimit)
        {
            sm3.Append(data.Span);
            AppendOthers(data.Span, sha256, md5);
            if (destination is not null)
            {
                await destination.WriteAsync(data, cancellationToken);
            }

            return;
        }

        var sm3Task = Task.Run(() => sm3.Append(data.Span), cancellationToken);
        try
        {
            AppendOthers(data.Span, sha256, md5);
            if (destination is not null)
            {
                await destination.WriteAsync(data, cancellationToken);
            }
        }
        finally
        {
            // Never leave SM3 running on a buffer the caller is about to return to the pool.
            await sm3Task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await sm3Task;
    }

    private static void AppendOthers(ReadOnlySpan<byte> data, IncrementalHash sha256, IncrementalHash? md5)
    {
        sha256.AppendData(data);
        md5?.AppendData(data);
    }

    private static async Task<long> PipelineAsync(Stream source, byte[] first, Stream? destination, Sm3Hasher sm3, IncrementalHash sha256, IncrementalHash? md5, CancellationToken cancellationToken)
    {
        var segments = new Segment[RingDepth];
        segments[0] = new Segment(first);
        for (var i = 1; i < RingDepth; i++)
        {
            segments[i] = new Segment(ArrayPool<byte>.Shared.Rent(BufferSize));
        }

        var free = Channel.CreateBounded<Segment>(RingDepth);
        var toSm3 = Channel.CreateUnbounded<Segment>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sm3Task = Task.Run(() => ConsumeAsync(toSm3.Reader, free.Writer, s => sm3.Append(s), stop), CancellationToken.None);
        long length = 0;
        try
        {
            // The first buffer is already full: hand it on, then keep the ring turning until a short read (end of stream).
            var segment = segments[0];
            segment.Count = BufferSize;
            for (var i = 1; i < RingDepth; i++)
            {
                free.Writer.TryWrite(segments[i]);
            }

            while (true)
            {
                // Two holders: the SM3 thread, and this one, which hashes SHA-256 (and MD5) and writes while SM3 runs.
                length += segment.Count;
                segment.Holders = 2;
                toSm3.Writer.TryWrite(segment);
                AppendOthers(segment.Data.Span, sha256, md5);
                if (destination is not null)
                {
                    await destination.WriteAsync(segment.Data, stop.Token);
                }

                Release(segment, free.Writer);
                if (segment.Count < BufferSize)
                {
                    break;
                }

                segment = await free.Reader.ReadAsync(stop.Token);
                segment.Count = await source.ReadAtLeastAsync(segment.Buffer.AsMemory(0, BufferSize), BufferSize, throwOnEndOfStream: false, stop.Token);
                if (segment.Count == 0)
                {
                    break;
                }
            }

            toSm3.Writer.Complete();
            await sm3Task;
            return length;
        }
        catch
        {
            await stop.CancelAsync();
            toSm3.Writer.TryComplete();
            await sm3Task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // The SM3 thread's own failure explains the cancellation the reader saw: report that one.
            if (sm3Task.Exception?.InnerException is { } hasherFault)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(hasherFault);
            }

            throw;
        }
        finally
        {
            // The SM3 thread has stopped here (awaited above), so no buffer is still being read.
            foreach (var s in segments)
            {
                ArrayPool<byte>.Shared.Return(s.Buffer);
            }
        }
    }

    private static async Task ConsumeAsync(ChannelReader<Segment> input, ChannelWriter<Segment> free, SpanAction hash, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var segment in input.ReadAllAsync(stop.Token))
            {
                hash(segment.Buffer.AsSpan(0, segment.Count));
                Release(segment, free);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private static void Release(Segment segment, ChannelWriter<Segment> free)
    {
        if (Interlocked.Decrement(ref segment.Holders) == 0)
        {
            free.TryWrite(segment);
        }
    }

    private delegate void SpanAction(ReadOnlySpan<byte> data);

    private sealed class Segment(byte[] buffer)
    {
        public int Holders;

        public byte[] Buffer { get; } = buffer;

        public int Count { get; set; }

        public ReadOnlyMemory<byte> Data => Buffer.AsMemory(0, Count);
    }
}
