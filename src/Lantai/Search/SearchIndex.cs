using System.Globalization;
using System.Text;
using Lantai.Common;
using Lantai.Data;
using Lantai.Search.Analysis;
using Lantai.Search.Store;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Lantai.Search;

/// <summary>
/// The Lucene index under {DataDir}/index (DESIGN.md §3). The index lives in a generation folder named by the pointer
/// file index/LIVE (written temp + fsync + rename, so it always names a complete index); a rebuild writes a new
/// generation beside the live one and swaps the pointer, and every process follows the pointer on its next
/// <see cref="Refresh"/>. One writer per generation across processes (Lucene's write.lock): the process that gets it
/// (the web server, or the CLI when no server runs) indexes; any other opens the index read-only and sees the
/// writer's commits when it refreshes. The outbox cursor the index has caught up to is kept in the index's own commit
/// data, so the index and its cursor are always committed together.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const string CursorKey = "lantai.outbox";

    /// <summary>The file naming the live generation folder.</summary>
    public const string PointerName = "LIVE";

    /// <summary>The generation used before any rebuild (and by data folders made before generations existed).</summary>
    public const string FirstGeneration = "current";

    private static readonly long RetireAfterMs = 5000;

    private readonly System.Threading.Lock _gate = new();
    private readonly List<(SearcherManager Manager, long At)> _retired = [];
    private FSDirectory? _directory;
    private IndexWriter? _writer;
    private volatile SearcherManager? _searchers;
    private string? _generation;
    private long _lastReadOnlyRefresh;

    public SearchIndex(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Root = Path.Combine(options.DataDir, "index");
    }

    public DatabaseOptions Options { get; }

    public string Root { get; }

    public static LuceneVersion Version => LuceneVersion.LUCENE_48;

    public static Similarity Similarity { get; } = new BM25Similarity();

    public LantaiAnalyzer Analyzer { get; } = new();

    /// <summary>Held by whoever writes (a catch-up batch, a generation switch), so a switch never happens mid-batch.</summary>
    internal SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>What the catch-up has read beyond the committed cursor (per generation; reset on a switch).</summary>
    internal OutboxTracker? Tracker { get; set; }

    /// <summary>The generation this process uses (the live one when it last refreshed).</summary>
    public string Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation ??= ReadPointer(Root);
            }
        }
    }

    /// <summary>The folder of the generation this process uses.</summary>
    public string GenerationPath => Path.Combine(Root, Generation);

    /// <summary>True when another process holds the writer and this one only reads.</summary>
    public bool IsReadOnly
    {
        get
        {
            _ = Searchers;
            lock (_gate)
            {
                return _writer is null;
            }
        }
    }

    /// <summary>The writer, opened on first use. Throws <see cref="LockObtainFailedException"/> when another process holds it.</summary>
    public IndexWriter Writer
    {
        get
        {
            lock (_gate)
            {
                if (_writer is null)
                {
                    _writer = OpenWriter(Directory(), ramBufferMb: 64);
                    ReplaceSearchers(new SearcherManager(_writer, applyAllDeletes: true, new LantaiSearcherFactory()));
                }

                return _writer;
            }
        }
    }

    /// <summary>Opens the writer if no other process holds it; false when one does (this process then only reads).</summary>
    public bool TryOpenWriter()
    {
        try
        {
            _ = Writer;
            return true;
        }
        catch (LockObtainFailedException)
        {
            return false;
        }
    }

    /// <summary>The outbox id the last commit had caught up to (0 for a new index), read-only or not.</summary>
    public long CommittedCursor
    {
        get
        {
            lock (_gate)
            {
                if (_writer is not null)
                {
                    return CursorOf(_writer.CommitData);
                }

                var directory = Directory();
                if (!DirectoryReader.IndexExists(directory))
                {
                    return 0;
                }

                var infos = new SegmentInfos();
                infos.Read(directory);
                return CursorOf(infos.UserData);
            }
        }
    }

    /// <summary>Commits the pending changes together with the outbox cursor they reach, and shows them to searchers.</summary>
    public void Commit(long cursor)
    {
        var writer = Writer;
        writer.SetCommitData(CommitData(cursor));
        writer.Commit();
        Searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// The searchers of the generation in use; acquire, use, release (or use <see cref="AcquireSearcher"/>). The
    /// manager changes when the generation does; releasing a searcher to the newer manager is correct (a release only
    /// decrements the reader's reference count).
    /// </summary>
    public SearcherManager Searchers
    {
        get
        {
            if (_searchers is { } current)
            {
                return current;
            }

            lock (_gate)
            {
                if (_searchers is null && !TryOpenWriterLocked())
                {
                    ReplaceSearchers(OpenReadOnly(Directory()));
                }

                return _searchers!;
            }
        }
    }

    /// <summary>A searcher of the current index; dispose the lease to release it. Read-only processes refresh first (at most once a second).</summary>
    public SearcherLease AcquireSearcher()
    {
        if (IsReadOnly && Environment.TickCount64 - Interlocked.Read(ref _lastReadOnlyRefresh) > 1000)
        {
            Interlocked.Exchange(ref _lastReadOnlyRefresh, Environment.TickCount64);
            Refresh();
        }

        for (var attempt = 0; ; attempt++)
        {
            var manager = Searchers;
            try
            {
                return new SearcherLease(manager, manager.Acquire());
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
                // The generation switched between reading the manager and acquiring from it: take the new one.
            }
        }
    }

    /// <summary>
    /// Follows the pointer to a new generation (a rebuild finished, here or in another process) and shows searchers
    /// the latest commits; a read-only process also tries to become the writer when the other one has gone.
    /// </summary>
    public void Refresh()
    {
        var live = ReadPointer(Root);
        if (!string.Equals(live, Generation, StringComparison.Ordinal))
        {
            SwitchTo(live, null);
        }

        lock (_gate)
        {
            if (_writer is null && _searchers is not null && TryOpenWriterLocked())
            {
                // The other writer is gone: this process indexes from now on.
            }
        }

        Searchers.MaybeRefresh();
        DisposeRetired(force: false);
    }

    /// <summary>
    /// Switches this process to <paramref name="generation"/> (already live on disk), adopting
    /// <paramref name="writer"/> when the rebuild ran here, and deletes the generations nobody uses any more.
    /// </summary>
    internal void SwitchTo(string generation, IndexWriter? writer, OutboxTracker? tracker = null)
    {
        WriteGate.Wait();
        try
        {
            lock (_gate)
            {
                // A process that only read (a CLI command beside the server) goes on only reading: the server takes the new writer.
                var wasWriter = _writer is not null;
                _writer?.Dispose();
                _writer = null;
                _directory?.Dispose();
                _directory = null;
                _generation = generation;
                Tracker = writer is null ? null : tracker;
                if (writer is not null)
                {
                    _directory = (FSDirectory)writer.Directory;
                    _writer = writer;
                    writer.Config.RAMBufferSizeMB = 64;
                    ReplaceSearchers(new SearcherManager(_writer, applyAllDeletes: true, new LantaiSearcherFactory()));
                }
                else if (!wasWriter || !TryOpenWriterLocked())
                {
                    ReplaceSearchers(OpenReadOnly(Directory()));
                }
            }
        }
        finally
        {
            WriteGate.Release();
        }

        DeleteStaleGenerations(Root);
    }

    /// <summary>A writer on a generation folder, with the index's analyzer and similarity; commits an empty index first when the folder has none, so readers can open it.</summary>
    internal IndexWriter OpenWriter(FSDirectory directory, double ramBufferMb, bool bulk = false)
    {
        var config = new IndexWriterConfig(Version, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Similarity,
            RAMBufferSizeMB = ramBufferMb,
        };
        if (bulk)
        {
            // A rebuild writes many large segments once: no compound files (written, then copied again) and wider
            // merges, so fewer bytes are rewritten while the documents go in.
            config.UseCompoundFile = false;
            config.MergePolicy = new TieredMergePolicy { NoCFSRatio = 0, SegmentsPerTier = 20, MaxMergeAtOnce = 20 };
        }

        var writer = new IndexWriter(directory, config);
        if (!DirectoryReader.IndexExists(directory))
        {
            writer.SetCommitData(CommitData(0));
            writer.Commit();
        }

        return writer;
    }

    internal static Dictionary<string, string> CommitData(long cursor) =>
        new(StringComparer.Ordinal) { [CursorKey] = cursor.ToString(CultureInfo.InvariantCulture) };

    internal static long CursorOf(IDictionary<string, string>? data) =>
        data is not null && data.TryGetValue(CursorKey, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) ? cursor : 0;

    /// <summary>The live generation named by the pointer file; <see cref="FirstGeneration"/> when there is none yet.</summary>
    public static string ReadPointer(string root)
    {
        try
        {
            var name = File.ReadAllText(Path.Combine(root, PointerName), Encoding.UTF8).Trim();
            return IsGenerationName(name) ? name : FirstGeneration;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return FirstGeneration;
        }
    }

    /// <summary>Makes <paramref name="generation"/> live: the pointer is written to a temporary file, fsynced, renamed over the old one, and the folder fsynced.</summary>
    internal static void WritePointer(string root, string generation)
    {
        var temp = Path.Combine(root, PointerName + ".tmp");
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Encoding.UTF8.GetBytes(generation + "\n"));
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(root, PointerName), overwrite: true);
        Preservation.FileSync.SyncDirectory(root);
    }

    /// <summary>A new generation's name: sortable by creation, unique.</summary>
    internal static string NewGenerationName() => "gen-" + Ids.New().ToString("N");

    private static bool IsGenerationName(string name) =>
        name == FirstGeneration || (name.StartsWith("gen-", StringComparison.Ordinal) && name.Length == 36 && name[4..].All(char.IsAsciiHexDigitLower));

    /// <summary>
    /// Deletes generation folders that are neither live, nor being built (their build lock is held), nor still written
    /// by a process that has not followed the pointer yet (their write.lock is held). Readers in other processes keep
    /// reading deleted files until they refresh (POSIX unlink semantics).
    /// </summary>
    public static void DeleteStaleGenerations(string root)
    {
        if (!System.IO.Directory.Exists(root))
        {
            return;
        }

        var live = ReadPointer(root);
        foreach (var folder in System.IO.Directory.EnumerateDirectories(root))
        {
            var name = Path.GetFileName(folder);
            if (name == live || !IsGenerationName(name) || GenerationBuild.IsBuilding(root, name))
            {
                continue;
            }

            try
            {
                using (var directory = new MappedDirectory(folder))
                {
                    if (IndexWriter.IsLocked(directory))
                    {
                        continue;
                    }
                }

                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // In use or already gone: the next switch tries again.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private bool TryOpenWriterLocked()
    {
        try
        {
            _writer = OpenWriter(Directory(), ramBufferMb: 64);
            ReplaceSearchers(new SearcherManager(_writer, applyAllDeletes: true, new LantaiSearcherFactory()));
            return true;
        }
        catch (LockObtainFailedException)
        {
            return false;
        }
    }

    private static SearcherManager OpenReadOnly(FSDirectory directory)
    {
        if (DirectoryReader.IndexExists(directory))
        {
            return new SearcherManager(directory, new LantaiSearcherFactory());
        }

        // The writer has not made its first commit yet: serve an empty index until it has.
        var empty = new RAMDirectory();
        using (var writer = new IndexWriter(empty, new IndexWriterConfig(Version, null)))
        {
            writer.Commit();
        }

        return new SearcherManager(empty, new LantaiSearcherFactory());
    }

    private void ReplaceSearchers(SearcherManager next)
    {
        if (_searchers is { } old)
        {
            _retired.Add((old, Environment.TickCount64));
        }

        _searchers = next;
    }

    private void DisposeRetired(bool force)
    {
        lock (_gate)
        {
            for (var i = _retired.Count - 1; i >= 0; i--)
            {
                if (force || Environment.TickCount64 - _retired[i].At > RetireAfterMs)
                {
                    _retired[i].Manager.Dispose();
                    _retired.RemoveAt(i);
                }
            }
        }
    }

    private FSDirectory Directory()
    {
        if (_directory is null)
        {
            var path = GenerationPath;
            System.IO.Directory.CreateDirectory(path);
            _directory = new MappedDirectory(path);
        }

        return _directory;
    }

    public void Dispose()
    {
        DisposeRetired(force: true);
        lock (_gate)
        {
            _searchers?.Dispose();
            _writer?.Dispose();
            _directory?.Dispose();
            _searchers = null;
            _writer = null;
            _directory = null;
        }

        WriteGate.Dispose();
    }

    /// <summary>Gives every searcher the index's similarity, so scores at search time match the norms written.</summary>
    private sealed class LantaiSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
