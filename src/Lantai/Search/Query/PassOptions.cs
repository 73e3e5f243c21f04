using Lucene.Net.Search;

namespace Lantai.Search.Query;

/// <summary>What a <see cref="SearchPass"/> collects: the order, how many top hits (after a cursor), which facets, within what time.</summary>
internal sealed record PassOptions(SearchOrder Order, int NumHits, ScoreDoc? After, IReadOnlyList<string>? FacetFields, long FacetExactLimit, TimeSpan TimeLimit)
{
    /// <summary>
    /// Queries with fewer postings than this (the document frequencies of their terms added up, an upper bound of the
    /// matches to score) run on one thread: they take a few milliseconds, and handing work to another thread costs CPU.
    /// </summary>
    public long ParallelMinPostings { get; init; } = SearchService.DefaultParallelMinPostings;

    /// <summary>
    /// Search-box queries with at least this many postings are matched a window at a time (<see cref="WindowedConjunction"/>);
    /// smaller ones take a few milliseconds with Lucene's own scorers.
    /// </summary>
    public long WindowedMinPostings { get; init; } = SearchService.DefaultWindowedMinPostings;

    /// <summary>At most this many slices (threads) for one search.</summary>
    public int MaxSlices { get; init; } = Math.Min(Environment.ProcessorCount, 4);

    public int SliceCount(long postings) => postings < ParallelMinPostings ? 1 : Math.Max(1, MaxSlices);
}
