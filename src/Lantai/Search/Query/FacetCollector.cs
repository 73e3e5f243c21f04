using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Lantai.Search.Query;

/// <summary>
/// Counts facet values over every matching document in the same pass that collects the top hits. Written by us:
/// Lucene.Net.Facet is not on the package mirror. Per segment it counts SortedDocValues ordinals in an array (no
/// strings touched per hit) and turns them into values once, when the segment is done.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, long>[] _totals = [.. fields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
    private SortedDocValues?[] _values = [];
    private int[][] _counts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _values = [.. fields.Select(f => context.AtomicReader.GetSortedDocValues(f))];
        _counts = [.. _values.Select(v => new int[v?.ValueCount ?? 0])];
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is { } values)
            {
                var ord = values.GetOrd(doc);
                if (ord >= 0)
                {
                    _counts[i][ord]++;
                }
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
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }

            var counts = _counts[i];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, term);
                    var key = term.Utf8ToString();
                    _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
                }
            }
        }

        _values = [];
        _counts = [];
    }
}
