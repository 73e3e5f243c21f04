using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Lantai.Search.Query;

/// <summary>
/// Counts facet values over every matching document in the same pass that collects the top hits. Written by us:
/// Lucene.Net.Facet is not on the package mirror. Per segment it counts ordinals (<see cref="FacetOrdinals"/>) in an
/// array — no strings touched per hit — and turns them into values once, when the segment is done.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, long>[] _totals = [.. fields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
    private SortedDocValues?[] _values = [];
    private FacetOrdinals?[] _ordinals = [];

    // counts[i][ord + 1]; slot 0 counts documents without a value.
    private int[][] _counts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _values = [.. fields.Select(reader.GetSortedDocValues)];
        _ordinals = [.. fields.Select((f, i) => _values[i] is { } v ? FacetOrdinals.For(reader, f, v) : null)];
        _counts = [.. _values.Select(v => new int[(v?.ValueCount ?? 0) + 1])];
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _ordinals.Length; i++)
        {
            var ordinals = _ordinals[i];
            if (ordinals is null)
            {
                continue;
            }

            if (ordinals.Bytes is { } bytes)
            {
                _counts[i][bytes[doc]]++;
            }
            else if (ordinals.Shorts is { } shorts)
            {
                _counts[i][shorts[doc]]++;
            }
            else
            {
                _counts[i][_values[i]!.GetOrd(doc) + 1]++;
            }
        }
    }

    /// <summary>The counts per field: value → number of matching documents.</summary>
    public IReadOnlyList<(string Field, IReadOnlyDictionary<string, long> Counts)> Results()
    {
        Flush();
        return [.. fields.Select((f, i) => (f, (IReadOnlyDictionary<string, long>)_totals[i]))];
    }

    private void Flush()
    {
        var term = new BytesRef();
        for (var i = 0; i < _ordinals.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }

            var counts = _counts[i];
            for (var slot = 1; slot < counts.Length; slot++)
            {
                if (counts[slot] > 0)
                {
                    values.LookupOrd(slot - 1, term);
                    var key = term.Utf8ToString();
                    _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[slot];
                }
            }
        }

        _values = [];
        _ordinals = [];
        _counts = [];
    }
}
