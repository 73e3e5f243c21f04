using Lucene.Net.Store;

namespace Lantai.Search.Store;

/// <summary>
/// The index's folder, read through memory maps. Written by hand because Lucene.Net 4.8.0-beta17's
/// <see cref="MMapDirectory"/> adds every clone of an input (a few hundred per query: each term and postings enum
/// clones one) to a <c>ConditionalWeakTable</c>, and has no switch to stop it. Each entry is a dependent GC handle, which
/// every collection must scan: at 10,000,000 records a two-thread replay spent 2.5 s in 119 gen0 collections of ~21 ms
/// (docs/benchmarks.md, search round 6). <see cref="NIOFSDirectory"/> has no such table but copies every read through a
/// 1 KB buffer, 10–20 % more CPU for heavy queries. Here a clone is a plain copy of a pointer and a position. Writing
/// is <see cref="FSDirectory"/>'s own.
/// </summary>
public sealed class MappedDirectory : FSDirectory
{
    public MappedDirectory(string path)
        : base(new DirectoryInfo(path), null)
    {
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        return new MappedIndexInput($"MappedIndexInput(path=\"{path}\")", MappedFile.Open(path));
    }

    /// <summary>Slices of a compound file share one map of it; the slicer owns the map.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer((MappedIndexInput)OpenInput(name, context));
    }

    private sealed class Slicer(MappedIndexInput whole) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            whole.Slice(sliceDescription, offset, length);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => whole.Slice("full", 0, whole.Length);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                whole.Dispose();
            }
        }
    }
}
