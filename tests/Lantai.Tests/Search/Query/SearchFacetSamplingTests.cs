using Lantai.Search;

namespace Lantai.Tests.Search.Query;

/// <summary>
/// Facets over a very large result set are counted exactly up to a limit and over a fixed sample beyond it, and the
/// response says so (FacetsApproximate, shown as 约); the total and the hits stay exact.
/// </summary>
public sealed class SearchFacetSamplingTests(GeneratedIndex generated) : IClassFixture<GeneratedIndex>
{
    private static readonly SearchRequest Request = new() { Query = "档案", Audience = SearchAudience.Staff, Clearance = 4 };

    [Fact]
    public async Task Facets_BeyondTheExactLimit_AreEstimatedAndFlagged_TotalAndHitsStayExact()
    {
        var exact = await Search(generated.Service(2));
        var sampling = generated.Service(2);
        sampling.FacetExactLimit = 200;

        var sampled = await Search(sampling);

        Assert.False(exact.FacetsApproximate);
        Assert.True(sampled.FacetsApproximate);
        Assert.True(exact.Total > 1000);
        Assert.Equal(exact.Total, sampled.Total);
        Assert.Equal(exact.Hits.Select(h => h.Id), sampled.Hits.Select(h => h.Id));
        // Facets whose values are all listed (the 200 org unit codes are cut to the most frequent).
        foreach (var facet in exact.Facets.Where(f => f.Values.Sum(v => v.Count) == exact.Total))
        {
            var estimates = sampled.Facets.Single(f => f.Field == facet.Field).Values.ToDictionary(v => v.Value, v => v.Count);

            // Every hit has one value of each facet: the sampled share is scaled to the hits it stands for, so the
            // estimates still add up to the total (give or take the rounding of each value).
            Assert.InRange(estimates.Values.Sum(), exact.Total - estimates.Count, exact.Total + estimates.Count);
            foreach (var value in facet.Values.Where(v => v.Count >= exact.Total / 4))
            {
                Assert.InRange(estimates[value.Value], value.Count * 3 / 4, value.Count * 5 / 4);
            }
        }
    }

    [Fact]
    public async Task Facets_Sampled_AreTheSameEveryTime()
    {
        var service = generated.Service(2);
        service.FacetExactLimit = 200;

        var first = await Search(service);
        var second = await Search(service);

        Assert.Equal(Values(first), Values(second));
    }

    [Fact]
    public async Task Facets_UnderTheExactLimit_AreExactAndNotFlagged()
    {
        var service = generated.Service(2);
        service.FacetExactLimit = GeneratedIndex.Records;

        var response = await Search(service);

        Assert.False(response.FacetsApproximate);
        Assert.Equal(response.Total, response.Facets.Single(f => f.Field == SearchFields.FondsCode).Values.Sum(v => v.Count));
    }

    private static async Task<SearchResponse> Search(SearchService service)
    {
        var result = await service.SearchAsync(Request, default);
        Assert.True(result.Succeeded);
        return result.Value;
    }

    private static List<(string, string, long)> Values(SearchResponse response) =>
        [.. response.Facets.SelectMany(f => f.Values.Select(v => (f.Field, v.Value, v.Count)))];
}
