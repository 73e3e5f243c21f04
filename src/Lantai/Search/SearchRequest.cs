namespace Lantai.Search;

/// <summary>
/// One search: the query in Lantai's syntax (words, "phrases", 题名:…, AND/OR/NOT, 年度:2001-2010), facet filters,
/// the order and the page. <see cref="After"/> is the cursor from the previous page, which keeps deep paging fast.
/// </summary>
public sealed record SearchRequest
{
    public string Query { get; init; } = "";

    public required SearchAudience Audience { get; init; }

    /// <summary>The viewer's clearance rank (staff); ignored for the public, who see unclassified records only.</summary>
    public int Clearance { get; init; }

    public string? FondsCode { get; init; }

    public string? CategoryCode { get; init; }

    public int? YearFrom { get; init; }

    public int? YearTo { get; init; }

    public string? RetentionCode { get; init; }

    public string? OrgUnitCode { get; init; }

    public string? OpenStatus { get; init; }

    public string? Carrier { get; init; }

    public string? Classification { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>1-based page number, used when <see cref="After"/> is not given.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    /// <summary>Opaque cursor returned as <see cref="SearchResponse.NextCursor"/>.</summary>
    public string? After { get; init; }

    public bool IncludeFacets { get; init; } = true;

    public bool IncludeSnippets { get; init; } = true;
}
