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
/// documents (1 in <see cref="SampleRate"/>, chosen by a hash of the doc id, so the same index gives the same counts)
/// is counted and scaled up. A common word with millions of hits then costs a few percent of the counting it would.
/// </para>
/// </summary>
internal sealed class FacetCounter
{
    /// <summary>One document in this many is counted beyond the exact limit.</summary>
    public const int SampleRate = 16;

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
    private int _docBase;

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
        _docBase = context.DocBase;
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
            if (!InSample(_docBase + doc))
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

    /// <summary>A fixed pseudo-random 1-in-<see cref="SampleRate"/> choice of documents (Fibonacci hashing of the doc id).</summary>
    private static bool InSample(int doc) => unchecked((uint)doc * 2654435769u) >> 28 == 0;

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
