using System.Runtime.CompilerServices;

namespace Lantai.Search.Query;

/// <summary>
/// The defaults of every <see cref="SearchService"/> on one index (the service is scoped, made per request): where
/// facet counting turns to sampling, when a search is cut into slices. Tests lower them to reach the large-index
/// paths with a small catalogue; nothing else changes them.
/// </summary>
internal sealed class SearchTuning
{
    private static readonly ConditionalWeakTable<SearchIndex, SearchTuning> PerIndex = new();

    public long FacetExactLimit { get; set; } = SearchService.DefaultFacetExactLimit;

    public long ParallelMinPostings { get; set; } = SearchService.DefaultParallelMinPostings;

    public long WindowedMinPostings { get; set; } = SearchService.DefaultWindowedMinPostings;

    public int MaxSlices { get; set; } = Math.Min(Environment.ProcessorCount, 4);

    public static SearchTuning For(SearchIndex index) => PerIndex.GetValue(index, _ => new SearchTuning());
}
