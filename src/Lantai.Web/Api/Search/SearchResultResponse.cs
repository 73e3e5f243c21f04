using Lantai.Search;

namespace Lantai.Web.Api.Search;

/// <summary>
/// GET /api/v1/search: the total, one page of hits, facet counts and the cursor to the next page (null on the last);
/// <see cref="TimedOut"/> says the time limit stopped the search, so hits and counts are what was found until then;
/// <see cref="FacetsApproximate"/> says the facet counts are estimated from a sample of a very large result set (约;
/// the total is exact).
/// </summary>
public sealed record SearchResultResponse(
    string Audience, long Total, double TookMs, bool TimedOut, string? NextCursor, IReadOnlyList<SearchHitResponse> Hits, IReadOnlyList<FacetResponse> Facets,
    bool FacetsApproximate)
{
    public static SearchResultResponse Of(SearchAudience audience, SearchResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(audience == SearchAudience.Staff ? "staff" : "public", response.Total, Math.Round(response.Took.TotalMilliseconds, 1),
            response.TimedOut, response.NextCursor, [.. response.Hits.Select(SearchHitResponse.Of)],
            [.. SearchFacets.Visible(audience, response.Facets).Select(FacetResponse.Of)], response.FacetsApproximate);
    }
}
