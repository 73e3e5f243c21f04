namespace Lantai.Search;

/// <summary>A page of hits with the total count, facet counts and the cursor for the next page.</summary>
public sealed record SearchResponse
{
    public required long Total { get; init; }

    public required IReadOnlyList<SearchHit> Hits { get; init; }

    public IReadOnlyList<FacetResult> Facets { get; init; } = [];

    /// <summary>
    /// True when the facet counts were estimated from a sample of the hits (a very large result set); shown as 约 …
    /// The total and the hits are always exact.
    /// </summary>
    public bool FacetsApproximate { get; init; }

    /// <summary>Cursor for the page after this one; null on the last page.</summary>
    public string? NextCursor { get; init; }

    /// <summary>True when the time limit stopped the search: the hits and counts are what was found until then.</summary>
    public bool TimedOut { get; init; }

    public TimeSpan Took { get; init; }
}
