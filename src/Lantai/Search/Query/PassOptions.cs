using Lucene.Net.Search;

namespace Lantai.Search.Query;

/// <summary>What a <see cref="SearchPass"/> collects: the order, how many top hits (after a cursor), which facets, within what time.</summary>
internal sealed record PassOptions(SearchOrder Order, int NumHits, ScoreDoc? After, IReadOnlyList<string>? FacetFields, long FacetExactLimit, TimeSpan TimeLimit)
{
    /// <summary>Indexes smaller than this are searched on one thread: below it a search takes a few milliseconds.</summary>
    public int ParallelMinDocs { get; init; } = SearchService.DefaultParallelMinDocs;

    /// <summary>At most this many slices (threads) for one search.</summary>
    public int MaxSlices { get; init; } = Math.Min(Environment.ProcessorCount, 4);

    public int SliceCount(int maxDoc) => maxDoc < ParallelMinDocs ? 1 : Math.Max(1, MaxSlices);
}
