using System.IO.MemoryMappedFiles;

namespace Lantai.Search.Store;

/// <summary>
/// One index file mapped whole into memory, shared by the input that opened it and by every clone and slice of that
/// input. Disposing it unmaps the file; inputs check <see cref="IsClosed"/> before each read, so a reader that outlives
/// its index gets <see cref="ObjectDisposedException"/> rather than reading unmapped memory (Lucene's own contract is
/// that no clone is used after its index reader is closed, which the searcher leases guarantee).
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private int _disposed;

    private MappedFile(MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* start, long length)
    {
        _map = map;
        _view = view;
        Start = start;
        Length = length;
    }

    /// <summary>The first byte of the file, or null for an empty file (which cannot be mapped).</summary>
    public byte* Start { get; }

    public long Length { get; }

    public bool IsClosed { get; private set; }

    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        var length = stream.Length;
        if (length == 0)
        {
            return new MappedFile(null, null, null, 0);
        }

        var map = MemoryMappedFile.CreateFromFile(stream, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new MappedFile(map, view, start + view.PointerOffset, length);
        }
        catch
        {
            view?.Dispose();
            map.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        IsClosed = true;
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _map?.Dispose();
    }
}
