using Lantai.Search;

namespace Lantai.Web.Api.Search;

/// <summary>
/// One facet's counts: <see cref="Field"/> is the index field, <see cref="Parameter"/> the query-string parameter that
/// filters on a value (for year, give it as both yearFrom and yearTo).
/// </summary>
public sealed record FacetResponse(string Field, string Parameter, string Label, IReadOnlyList<FacetValueResponse> Values)
{
    public static FacetResponse Of(FacetResult facet)
    {
        ArgumentNullException.ThrowIfNull(facet);
        return new(facet.Field, SearchFacets.Parameter(facet.Field), SearchFacets.Label(facet.Field),
            [.. facet.Values.Select(v => new FacetValueResponse(v.Value, string.IsNullOrEmpty(v.Label) ? v.Value : v.Label, v.Count))]);
    }
}
