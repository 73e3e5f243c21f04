using System.Text.Json;
using Lantai.Search;
using Lantai.Search.Query;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Search.Web;

/// <summary>
/// Facet counts estimated from a sample (a very large result set) are flagged: facetsApproximate in the API's JSON and
/// 约 before each count on the staff and public pages. The small catalogue reaches that path with the exact limit of
/// its index lowered to one hit.
/// </summary>
public sealed class SearchApproximateFacetsTests(SearchServerFixture fixture) : IClassFixture<SearchServerFixture>
{
    private LantaiServer Server => fixture.Server;

    [Fact]
    public async Task Api_SaysWhetherFacetCountsAreApproximate_TotalUnchanged()
    {
        using var client = Server.CreateClient();
        using var exactJson = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=档案"));
        var exact = exactJson.RootElement;

        using var approximateJson = JsonDocument.Parse(await WithExactLimitAsync(1, () => client.GetStringAsync("/api/v1/search?q=档案")));
        var approximate = approximateJson.RootElement;

        Assert.False(exact.GetProperty("facetsApproximate").GetBoolean());
        Assert.True(approximate.GetProperty("facetsApproximate").GetBoolean());
        Assert.Equal(exact.GetProperty("total").GetInt64(), approximate.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Pages_ShowApproximateFacetCountsWith约()
    {
        using var staff = await TestUsers.SignInAsNewUserAsync(Server, SearchWeb.SecretClearance, LantaiRoles.Archivist);
        using var anonymous = Server.CreateClient();

        var exactStaff = await staff.GetStringAsync("/Search?q=档案");
        var staffHtml = await WithExactLimitAsync(1, () => staff.GetStringAsync("/Search?q=档案"));
        var publicHtml = await WithExactLimitAsync(1, () => anonymous.GetStringAsync("/Access/Search?q=档案"));

        Assert.DoesNotContain("class=\"facet-approximate\"", exactStaff, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"facet-count\">约", exactStaff, StringComparison.Ordinal);
        foreach (var html in new[] { staffHtml, publicHtml })
        {
            Assert.Contains("class=\"facet-approximate\"", html, StringComparison.Ordinal);
            Assert.Contains("<span class=\"facet-count\">约 ", html, StringComparison.Ordinal);
        }
    }

    private async Task<T> WithExactLimitAsync<T>(long limit, Func<Task<T>> action)
    {
        var tuning = SearchTuning.For(Server.Services.GetRequiredService<SearchIndex>());
        var before = tuning.FacetExactLimit;
        tuning.FacetExactLimit = limit;
        try
        {
            return await action();
        }
        finally
        {
            tuning.FacetExactLimit = before;
        }
    }
}
