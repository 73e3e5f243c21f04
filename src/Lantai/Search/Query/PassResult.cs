using Lucene.Net.Search;

namespace Lantai.Search.Query;

/// <summary>
/// What a <see cref="SearchPass"/> found: the top hits (up to the window asked for), the exact total, the facet counts
/// (approximate beyond the exact limit) and whether the time limit stopped it. Cached by <see cref="QueryResultCache"/>.
/// </summary>
internal sealed record PassResult(
    ScoreDoc[] Top,
    long Total,
    IReadOnlyList<(string Field, IReadOnlyDictionary<string, long> Counts)> Facets,
    bool FacetsApproximate,
    bool TimedOut)
{
    /// <summary>A rough size in bytes, for the cache's memory bound.</summary>
    public long EstimatedBytes => 64 + (Top.Length * 48L) + Facets.Sum(f => 64 + f.Counts.Sum(c => 48L + (2L * c.Key.Length)));
}
