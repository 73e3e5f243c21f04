using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Lantai.Search.Query;

/// <summary>
/// Counts facet values over the hits of one slice of a search (<see cref="SearchPass"/>), called from the pass's own
/// loop rather than as a collector (no MultiCollector, no virtual call per hit and field). Written by us:
/// Lucene.Net.Facet is not on the package mirror. Per segment it counts ordinals (<see cref="FacetOrdinals"/>, a byte
/// or ushort array per field) and turns them into values once, when the segment is done.
/// <para>
/// The first <c>exactLimit</c> hits of the slice are counted exactly; beyond that only a deterministic sample of the
/// documents (1 in <see cref="FacetSample.Rate"/>, chosen by a hash of the doc id, so the same index gives the same
/// counts: <see cref="FacetSample"/>) is counted and scaled up. A common word with millions of hits then costs a few percent of the counting it would.
/// </para>
/// </summary>
internal sealed class FacetCounter
{
    /// <summary>The most words of hits <see cref="CountWindow"/> takes at once (a window of 4,096 documents).</summary>
    public const int WindowWords = 64;

    private readonly IReadOnlyList<string> _fields;
    private readonly long _exactLimit;
    private readonly Dictionary<string, long>[] _exact;
    private readonly Dictionary<string, long>[] _sample;
    private long _counted;
    private long _beyond;
    private long _sampled;

    // Per segment: ordinals (slot = ord + 1, 0 = no value) and counts[field][slot], exact and sampled.
    private SortedDocValues?[] _values = [];
    private byte[]?[] _bytes = [];
    private ushort[]?[] _shorts = [];
    private int[][] _counts = [];
    private int[][] _sampleCounts = [];
    private bool _allBytes;
    private ulong[] _sampleMask = [];

    // A window's hits, split at the exact limit, and their doc ids (CountWindow).
    private readonly ulong[] _exactPart = new ulong[WindowWords];
    private readonly ulong[] _samplePart = new ulong[WindowWords];
    private readonly int[] _docs = new int[WindowWords * 64];

    public FacetCounter(IReadOnlyList<string> fields, long exactLimit)
    {
        _fields = fields;
        _exactLimit = exactLimit;
        _exact = [.. fields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
        _sample = [.. fields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
    }

    /// <summary>True when some hits were counted by sample only.</summary>
    public bool Approximate => _beyond > 0;

    public void SetSegment(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _sampleMask = FacetSample.Mask(reader.MaxDoc);
        _values = [.. _fields.Select(reader.GetSortedDocValues)];
        var ordinals = _fields.Select((f, i) => _values[i] is { } v ? FacetOrdinals.For(reader, f, v) : null).ToArray();
        _bytes = [.. ordinals.Select(o => o?.Bytes)];
        _shorts = [.. ordinals.Select(o => o?.Shorts)];
        _counts = [.. _values.Select(v => new int[(v?.ValueCount ?? 0) + 1])];
        _sampleCounts = [.. _values.Select(v => new int[(v?.ValueCount ?? 0) + 1])];
        _allBytes = _bytes.All(b => b is not null);
    }

    /// <summary>Counts one hit (doc id within the segment).</summary>
    public void Count(int doc)
    {
        int[][] counts;
        if (_counted < _exactLimit)
        {
            _counted++;
            counts = _counts;
        }
        else
        {
            _beyond++;
            if (!FacetSample.Contains(doc))
            {
                return;
            }

            _sampled++;
            counts = _sampleCounts;
        }

        if (_allBytes)
        {
            var bytes = _bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                counts[i][bytes[i]![doc]]++;
            }

            return;
        }

        for (var i = 0; i < _values.Length; i++)
        {
            if (_bytes[i] is { } b)
            {
                counts[i][b[doc]]++;
            }
            else if (_shorts[i] is { } s)
            {
                counts[i][s[doc]]++;
            }
            else if (_values[i] is { } v)
            {
                counts[i][v.GetOrd(doc) + 1]++;
            }
        }
    }

    /// <summary>
    /// Counts a window of hits at once: bit b of word w stands for doc <paramref name="origin"/> + 64w + b of the segment.
    /// The same counts as <see cref="Count"/> for each hit in doc order, but field by field over the window, and the hits
    /// beyond the exact limit sampled by ANDing <see cref="FacetSample.Mask"/> instead of looking at each.
    /// </summary>
    public void CountWindow(ulong[] hits, int words, int origin)
    {
        var hitCount = Hits(hits, words);
        if (hitCount == 0)
        {
            return;
        }

        var exact = (int)Math.Min(hitCount, Math.Max(0, _exactLimit - _counted));
        if (exact == hitCount)
        {
            _counted += exact;
            CountBits(hits, words, origin, _counts);
            return;
        }

        // The first `exact` hits (in doc order) are counted exactly, the rest by sample.
        var left = exact;
        for (var w = 0; w < words; w++)
        {
            var word = hits[w];
            var keep = 0UL;
            while (left > 0 && word != 0)
            {
                var lowest = word & (~word + 1);
                keep |= lowest;
                word ^= lowest;
                left--;
            }

            _exactPart[w] = keep;
            _samplePart[w] = word & _sampleMask[(origin >> 6) + w];
        }

        _counted += exact;
        _beyond += hitCount - exact;
        _sampled += Hits(_samplePart, words);
        if (exact > 0)
        {
            CountBits(_exactPart, words, origin, _counts);
        }

        CountBits(_samplePart, words, origin, _sampleCounts);
    }

    private static int Hits(ulong[] bits, int words)
    {
        var count = 0;
        for (var w = 0; w < words; w++)
        {
            count += BitOperations.PopCount(bits[w]);
        }

        return count;
    }

    private void CountBits(ulong[] bits, int words, int origin, int[][] counts)
    {
        var docs = _docs;
        var n = 0;
        for (var w = 0; w < words; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                docs[n++] = origin + (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }

        for (var i = 0; i < counts.Length; i++)
        {
            var count = counts[i];
            if (_bytes[i] is { } b)
            {
                for (var k = 0; k < n; k++)
                {
                    count[b[docs[k]]]++;
                }
            }
            else if (_shorts[i] is { } s)
            {
                for (var k = 0; k < n; k++)
                {
                    count[s[docs[k]]]++;
                }
            }
            else if (_values[i] is { } v)
            {
                for (var k = 0; k < n; k++)
                {
                    count[v.GetOrd(docs[k]) + 1]++;
                }
            }
        }
    }

    /// <summary>
    /// Turns the last segment's ordinals into values. Called on the thread that counted, when the slice is done: a
    /// segment's SortedDocValues are per thread in Lucene.Net, and by the merge that thread may be searching for another
    /// request with the same instance.
    /// </summary>
    public void Finish() => Flush();

    /// <summary>
    /// The counts of several slices of one search (each finished with <see cref="Finish"/>), added up: exact counts as
    /// they are, sampled counts scaled by the slice's hits beyond its exact limit over the hits it sampled. Approximate
    /// when any slice sampled.
    /// </summary>
    public static (IReadOnlyList<(string Field, IReadOnlyDictionary<string, long> Counts)> Counts, bool Approximate) Merge(
        IReadOnlyList<string> fields, IReadOnlyList<FacetCounter> slices)
    {
        var totals = fields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        foreach (var slice in slices)
        {
            var scale = slice._sampled == 0 ? 0 : (double)slice._beyond / slice._sampled;
            for (var i = 0; i < fields.Count; i++)
            {
                foreach (var (key, count) in slice._exact[i])
                {
                    totals[i][key] = totals[i].GetValueOrDefault(key) + count;
                }

                foreach (var (key, count) in slice._sample[i])
                {
                    totals[i][key] = totals[i].GetValueOrDefault(key) + (long)Math.Round(count * scale);
                }
            }
        }

        return ([.. fields.Select((f, i) => (f, (IReadOnlyDictionary<string, long>)totals[i]))], slices.Any(s => s.Approximate));
    }

    private void Flush()
    {
        var term = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }

            Add(values, _counts[i], _exact[i], term);
            Add(values, _sampleCounts[i], _sample[i], term);
        }

        _values = [];
        _bytes = [];
        _shorts = [];
        _counts = [];
        _sampleCounts = [];
    }

    private static void Add(SortedDocValues values, int[] counts, Dictionary<string, long> totals, BytesRef term)
    {
        for (var slot = 1; slot < counts.Length; slot++)
        {
            if (counts[slot] > 0)
            {
                values.LookupOrd(slot - 1, term);
                var key = term.Utf8ToString();
                totals[key] = totals.GetValueOrDefault(key) + counts[slot];
            }
        }
    }
}
