using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Lantai.Search.Query;

/// <summary>
/// Recent search passes (the top window, exact total, facet counts), in the manner of Solr's queryResultCache: archives
/// repeat their queries (a few words are most of them), and a common word costs its millions of hits every time. One
/// cache per <see cref="SearchIndex"/>, shared by every <see cref="SearchService"/> (which is scoped). Keyed by
/// everything that changes the answer — the Lucene query with its access and facet filters, the audience, the order,
/// the window and the cursor, the facet settings — and bound to one index reader: entries are served only to searches
/// on that very reader, and the first search on a reopened reader (the index changed) empties the cache. Doc ids in
/// the entries belong to that reader, and hits are loaded from it. Least recently used entries go first, bounded by
/// count and by estimated memory. Passes stopped by the time limit are not kept.
/// </summary>
internal sealed class QueryResultCache
{
    private static readonly ConditionalWeakTable<SearchIndex, QueryResultCache> PerIndex = new();

    private readonly System.Threading.Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private WeakReference<IndexReader>? _reader;
    private long _bytes;

    public int MaxEntries { get; init; } = 1024;

    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public long Hits { get; private set; }

    public long Misses { get; private set; }

    public static QueryResultCache For(SearchIndex index) => PerIndex.GetValue(index, _ => new QueryResultCache());

    public bool TryGet(IndexReader reader, string key, out PassResult result)
    {
        lock (_gate)
        {
            if (IsCurrent(reader) && _entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                Hits++;
                result = node.Value.Result;
                return true;
            }

            Misses++;
            result = null!;
            return false;
        }
    }

    public void Add(IndexReader reader, string key, PassResult result)
    {
        if (result.TimedOut)
        {
            return;
        }

        var size = result.EstimatedBytes + (2L * key.Length) + 100;
        lock (_gate)
        {
            if (!IsCurrent(reader))
            {
                // A reader other than the one the entries belong to: a newer one (the index changed) or an older one
                // still held by a search that began before the change. Either way start over for it.
                ClearLocked();
                _reader = new WeakReference<IndexReader>(reader);
            }

            if (size > MaxBytes / 4)
            {
                return;
            }

            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
                _bytes -= old.Value.Bytes;
            }

            _entries[key] = _recency.AddFirst(new Entry(key, result, size));
            _bytes += size;
            while (_entries.Count > MaxEntries || _bytes > MaxBytes)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _bytes -= last.Value.Bytes;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            ClearLocked();
            _reader = null;
        }
    }

    private bool IsCurrent(IndexReader reader) => _reader is not null && _reader.TryGetTarget(out var current) && ReferenceEquals(current, reader);

    private void ClearLocked()
    {
        _entries.Clear();
        _recency.Clear();
        _bytes = 0;
    }

    private sealed record Entry(string Key, PassResult Result, long Bytes);
}
