using Lantai.Data;
using Lantai.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Lantai.Search;

/// <summary>
/// The Lucene index under {DataDir}/index (DESIGN.md §3): one writer per process (the web server, or the CLI when no
/// server runs) and near-real-time searchers. The outbox cursor the index has caught up to is kept in the index's own
/// commit data, so the index and its cursor are always committed together.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const string CursorKey = "lantai.outbox";

    private readonly System.Threading.Lock _gate = new();
    private readonly string _path;
    private FSDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;

    public SearchIndex(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Root = Path.Combine(options.DataDir, "index");
        _path = Path.Combine(Root, "current");
    }

    public string Root { get; }

    public static LuceneVersion Version => LuceneVersion.LUCENE_48;

    public static Similarity Similarity { get; } = new BM25Similarity();

    public LantaiAnalyzer Analyzer { get; } = new();

    /// <summary>The writer, opened on first use. Throws <see cref="LockObtainFailedException"/> when another process holds it.</summary>
    public IndexWriter Writer
    {
        get
        {
            lock (_gate)
            {
                if (_writer is null)
                {
                    var config = new IndexWriterConfig(Version, Analyzer)
                    {
                        OpenMode = OpenMode.CREATE_OR_APPEND,
                        Similarity = Similarity,
                        RAMBufferSizeMB = 64,
                    };
                    _writer = new IndexWriter(Directory(), config);
                    _searchers?.Dispose();
                    _searchers = new SearcherManager(_writer, applyAllDeletes: true, new LantaiSearcherFactory());
                }

                return _writer;
            }
        }
    }

    /// <summary>The outbox id the last commit had caught up to (0 for a new index).</summary>
    public long CommittedCursor
    {
        get
        {
            var data = Writer.CommitData;
            return data is not null && data.TryGetValue(CursorKey, out var text) && long.TryParse(text, out var cursor) ? cursor : 0;
        }
    }

    /// <summary>Commits the pending changes together with the outbox cursor they reach.</summary>
    public void Commit(long cursor)
    {
        var writer = Writer;
        writer.SetCommitData(new Dictionary<string, string> { [CursorKey] = cursor.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        writer.Commit();
        Searchers.MaybeRefreshBlocking();
    }

    /// <summary>Near-real-time searchers; acquire, use, release.</summary>
    public SearcherManager Searchers
    {
        get
        {
            _ = Writer;
            return _searchers!;
        }
    }

    private FSDirectory Directory()
    {
        if (_directory is null)
        {
            System.IO.Directory.CreateDirectory(_path);
            _directory = FSDirectory.Open(_path);
        }

        return _directory;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _searchers?.Dispose();
            _writer?.Dispose();
            _directory?.Dispose();
            _searchers = null;
            _writer = null;
            _directory = null;
        }
    }

    /// <summary>Gives every searcher the index's similarity, so scores at search time match the norms written.</summary>
    private sealed class LantaiSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
