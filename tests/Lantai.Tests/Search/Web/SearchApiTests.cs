using System.Net;
using System.Text.Json;
using Lantai.Security;
using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Search.Web;

/// <summary>GET /api/v1/search over real HTTP, as anonymous citizens, patrons and staff of different clearances.</summary>
public sealed class SearchApiTests(SearchServerFixture fixture) : IClassFixture<SearchServerFixture>
{
    private LantaiServer Server => fixture.Server;

    [Fact]
    public async Task Anonymous_SearchesAsThePublic_AndNeverSeesControlledOrClassifiedTitles()
    {
        using var client = Server.CreateClient();

        var (json, text) = await GetAsync(client, "/api/v1/search?q=档案");

        Assert.Equal("public", json.GetProperty("audience").GetString());
        var titles = Titles(json);
        Assert.Contains(SearchWeb.OpenTitle, titles);
        Assert.DoesNotContain(SearchWeb.ControlledTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SearchWeb.SecretTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain("库房钥匙", text, StringComparison.Ordinal);
        Assert.All(json.GetProperty("hits").EnumerateArray(), h =>
        {
            Assert.False(h.TryGetProperty("classification", out _));
            Assert.False(h.TryGetProperty("remarks", out _));
        });
    }

    [Fact]
    public async Task Patron_SeesWhatTheAnonymousPublicSees()
    {
        using var anonymous = Server.CreateClient();
        using var patron = await TestUsers.SignInAsNewUserAsync(Server, 4, LantaiRoles.Patron);

        var (publicJson, _) = await GetAsync(anonymous, "/api/v1/search?q=档案&sort=code");
        var (patronJson, text) = await GetAsync(patron, "/api/v1/search?q=档案&sort=code");

        Assert.Equal("public", patronJson.GetProperty("audience").GetString());
        Assert.Equal(Titles(publicJson), Titles(patronJson));
        Assert.DoesNotContain(SearchWeb.SecretTitle, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_SeeControlledRecords_AndClassifiedOnlyWithinTheirClearance()
    {
        using var uncleared = await TestUsers.SignInAsNewUserAsync(Server, 0, LantaiRoles.Archivist);
        using var cleared = await TestUsers.SignInAsNewUserAsync(Server, SearchWeb.SecretClearance, LantaiRoles.Reviewer);

        var (low, lowText) = await GetAsync(uncleared, "/api/v1/search?q=档案");
        var (high, _) = await GetAsync(cleared, "/api/v1/search?q=档案");

        Assert.Equal("staff", low.GetProperty("audience").GetString());
        Assert.Contains(SearchWeb.ControlledTitle, Titles(low));
        Assert.DoesNotContain(SearchWeb.SecretTitle, lowText, StringComparison.Ordinal);
        Assert.Contains(SearchWeb.SecretTitle, Titles(high));
        Assert.Contains(high.GetProperty("hits").EnumerateArray(), h => h.TryGetProperty("classification", out var c) && c.GetString() == "秘密");
        Assert.True(high.GetProperty("total").GetInt64() > low.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Search_ReturnsSnippetsAsPartsWithTheMatchFlagged()
    {
        using var client = Server.CreateClient();

        var (json, _) = await GetAsync(client, "/api/v1/search?q=征集");

        var hit = Assert.Single(json.GetProperty("hits").EnumerateArray());
        var title = hit.GetProperty("snippets").EnumerateArray().First(s => s.GetProperty("field").GetString() == "title");
        Assert.Contains(title.GetProperty("parts").EnumerateArray(), p => p.GetProperty("match").GetBoolean() && p.GetProperty("text").GetString()!.Contains("征集", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Facets_CountHits_AndThePublicGetsNoClassificationFacet()
    {
        using var staff = await TestUsers.SignInAsNewUserAsync(Server, SearchWeb.SecretClearance, LantaiRoles.Archivist);
        using var anonymous = Server.CreateClient();

        var (staffJson, _) = await GetAsync(staff, "/api/v1/search?q=档案");
        var (publicJson, _) = await GetAsync(anonymous, "/api/v1/search?q=档案");
        var (filtered, _) = await GetAsync(staff, "/api/v1/search?q=档案&yearFrom=2018&yearTo=2018");

        var fonds = Facet(staffJson, "fonds");
        Assert.Equal("fonds", fonds.GetProperty("parameter").GetString());
        var x013 = fonds.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("value").GetString() == "X013");
        Assert.Equal(staffJson.GetProperty("total").GetInt64(), x013.GetProperty("count").GetInt64());
        Assert.Contains(staffJson.GetProperty("facets").EnumerateArray(), f => f.GetProperty("field").GetString() == "class");
        Assert.DoesNotContain(publicJson.GetProperty("facets").EnumerateArray(), f => f.GetProperty("field").GetString() is "class" or "orgcode");
        Assert.Equal(SearchWeb.ControlledTitle, Assert.Single(Titles(filtered)));
    }

    [Fact]
    public async Task Paging_TheCursorLeadsToTheNextHits()
    {
        using var staff = await TestUsers.SignInAsNewUserAsync(Server, SearchWeb.SecretClearance, LantaiRoles.Archivist);

        var (first, _) = await GetAsync(staff, "/api/v1/search?q=档案&sort=code&pageSize=2&facets=false");
        var cursor = first.GetProperty("nextCursor").GetString();
        var (second, _) = await GetAsync(staff, "/api/v1/search?q=档案&sort=code&pageSize=2&facets=false&after=" + Uri.EscapeDataString(cursor!));
        var (byNumber, _) = await GetAsync(staff, "/api/v1/search?q=档案&sort=code&pageSize=2&facets=false&page=2");

        Assert.Equal(2, Titles(first).Count);
        Assert.Empty(Titles(first).Intersect(Titles(second)));
        Assert.Equal(Titles(byNumber), Titles(second));
        Assert.Empty(first.GetProperty("facets").EnumerateArray());
    }

    [Fact]
    public async Task WrongQueryStringValues_Are400ProblemDetailsInChinese_NamingEachParameter()
    {
        using var client = Server.CreateClient();

        var response = await client.GetAsync("/api/v1/search?q=档案&pageSize=0&yearFrom=20x&open=secret&sort=random&page=-1&facets=maybe&class=秘密");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("查询参数有误", problem.RootElement.GetProperty("title").GetString());
        var errors = problem.RootElement.GetProperty("errors");
        foreach (var name in new[] { "pageSize", "yearFrom", "open", "sort", "page", "facets", "class" })
        {
            Assert.True(errors.TryGetProperty(name, out var messages), $"no error for {name}: {body}");
            Assert.Matches("\\p{IsCJKUnifiedIdeographs}", messages[0].GetString()!);
        }
    }

    [Fact]
    public async Task YearsOutOfOrder_AndPagesBeyondTheNumberedDepth_AreRefused()
    {
        using var client = Server.CreateClient();

        var years = await client.GetAsync("/api/v1/search?q=档案&yearFrom=2020&yearTo=2010");
        var deep = await client.GetAsync("/api/v1/search?q=档案&page=600&pageSize=20");

        Assert.Equal(HttpStatusCode.BadRequest, years.StatusCode);
        Assert.Contains("早于起始年度", await DetailAsync(years), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Contains("下一页", await DetailAsync(deep), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedCursor_IsA400WithAChineseTitle()
    {
        using var client = Server.CreateClient();

        var response = await client.GetAsync("/api/v1/search?q=档案&after=bm90LWEtY3Vyc29y");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(body);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", problem.RootElement.GetProperty("title").GetString()!);
    }

    [Fact]
    public async Task APublicQueryOnAStaffOnlyField_IsRefusedWithAChineseTitle()
    {
        using var client = Server.CreateClient();

        var response = await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("备注:钥匙"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("检索式有误", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("备注", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheSearchEndpoint()
    {
        using var client = Server.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/search", document, StringComparison.Ordinal);
        Assert.Contains("pageSize", document, StringComparison.Ordinal);
    }

    /// <summary>The answer, and every string in it decoded and joined (the JSON escapes non-ASCII text), to look for leaks.</summary>
    private static async Task<(JsonElement Json, string Text)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {raw}");
        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement.Clone();
        return (root, string.Join("\n", Strings(root)));
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    private static List<string> Titles(JsonElement json) =>
        [.. json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!)];

    private static JsonElement Facet(JsonElement json, string field) =>
        json.GetProperty("facets").EnumerateArray().Single(f => f.GetProperty("field").GetString() == field);
}
