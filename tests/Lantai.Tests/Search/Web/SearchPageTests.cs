using System.Net;
using Lantai.Security;
using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Search.Web;

/// <summary>The staff page /Search and the public page /Access/Search over real HTTP.</summary>
public sealed class SearchPageTests(SearchServerFixture fixture) : IClassFixture<SearchServerFixture>
{
    private LantaiServer Server => fixture.Server;

    [Fact]
    public async Task StaffPage_NeedsCatalogueReading()
    {
        using var anonymous = Server.CreateClient(followRedirects: false);
        using var patron = await TestUsers.SignInAsNewUserAsync(Server, 0, LantaiRoles.Patron);

        var signIn = await anonymous.GetAsync("/Search?q=档案");
        var denied = await patron.GetAsync("/Search?q=档案");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/Account/Login", new Uri(Server.Address, signIn.Headers.Location!).AbsolutePath);
        Assert.Contains("/Account/AccessDenied", denied.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPage_ShowsControlledHits_WithCountTimeHighlightAndRecordLinks()
    {
        using var staff = await TestUsers.SignInAsNewUserAsync(Server, 0, LantaiRoles.Archivist);

        var html = await staff.GetStringAsync("/Search?q=档案");

        Assert.Contains("共找到", html, StringComparison.Ordinal);
        Assert.Contains("毫秒", html, StringComparison.Ordinal);
        Assert.Contains("库房改造", html, StringComparison.Ordinal);
        Assert.DoesNotContain("保密工作检查", html, StringComparison.Ordinal);
        Assert.Contains("<mark>档案</mark>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Catalogue/Records/", html, StringComparison.Ordinal);
        Assert.Contains("class=\"classification\"", html, StringComparison.Ordinal);
        Assert.Contains("检索语法", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPage_EncodesStoredText_NeverInsertsItAsHtml()
    {
        using var staff = await TestUsers.SignInAsNewUserAsync(Server, 0, LantaiRoles.Archivist);

        var html = await staff.GetStringAsync("/Search?q=" + Uri.EscapeDataString("加粗"));

        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>加粗", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPage_WritesMongolianTitlesTopToBottom()
    {
        using var staff = await TestUsers.SignInAsNewUserAsync(Server, 0, LantaiRoles.Archivist);

        var html = await staff.GetStringAsync("/Search?q=" + Uri.EscapeDataString(SearchWeb.MongolianWord));

        Assert.Contains("class=\"hit-title\" lang=\"mn-Mong\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPage_FacetLinksFilter_AndChipsRemoveTheFilter()
    {
        using var staff = await TestUsers.SignInAsNewUserAsync(Server, SearchWeb.SecretClearance, LantaiRoles.Reviewer);

        var all = await staff.GetStringAsync("/Search?q=档案");
        var narrowed = await staff.GetStringAsync("/Search?q=档案&yearFrom=2018&yearTo=2018");

        Assert.Contains("data-facet=\"year\"", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/Search?q=%E6%A1%A3%E6%A1%88&amp;yearFrom=2018&amp;yearTo=2018\"", all, StringComparison.Ordinal);
        Assert.Contains("class=\"chip\"", narrowed, StringComparison.Ordinal);
        Assert.Contains("data-total=\"1\"", narrowed, StringComparison.Ordinal);
        Assert.Contains("href=\"/Search?q=%E6%A1%A3%E6%A1%88\" class=\"chip-remove\"", narrowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPage_WrongValues_ShowChineseErrorsWith400()
    {
        using var staff = await TestUsers.SignInAsNewUserAsync(Server, 0, LantaiRoles.Archivist);

        var response = await staff.GetAsync("/Search?q=档案&sort=sideways&pageSize=1000");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("排序“sideways”无效", html, StringComparison.Ordinal);
        Assert.Contains("每页条数“1000”无效", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_OpensWithoutSignIn_AndShowsOnlyOpenUnclassifiedRecords()
    {
        using var anonymous = Server.CreateClient();

        var html = await anonymous.GetStringAsync("/Access/Search?q=档案");

        Assert.Contains(SearchWeb.OpenTitle[4..], html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("库房改造", html, StringComparison.Ordinal);
        Assert.DoesNotContain("保密工作检查", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"classification\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-facet=\"class\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Catalogue/Records/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_ARefusedQuery_ShowsTheReasonInChinese()
    {
        using var anonymous = Server.CreateClient();

        var response = await anonymous.GetAsync("/Access/Search?q=" + Uri.EscapeDataString("备注:钥匙"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("检索条件有误", html, StringComparison.Ordinal);
        Assert.Contains("仅供馆内工作人员检索", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_IsTheSameForAPatronAndForStaff()
    {
        using var anonymous = Server.CreateClient();
        using var patron = await TestUsers.SignInAsNewUserAsync(Server, 0, LantaiRoles.Patron);
        using var staff = await TestUsers.SignInAsNewUserAsync(Server, SearchWeb.SecretClearance, LantaiRoles.Archivist);

        var forPatron = await patron.GetStringAsync("/Access/Search?q=档案&sort=code");
        var forStaff = await staff.GetStringAsync("/Access/Search?q=档案&sort=code");
        var forAnonymous = await anonymous.GetStringAsync("/Access/Search?q=档案&sort=code");

        Assert.Equal(Hits(forAnonymous), Hits(forPatron));
        Assert.Equal(Hits(forAnonymous), Hits(forStaff));
        Assert.DoesNotContain("保密工作检查", forStaff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_SpeaksEnglishThroughTheCultureSwitch()
    {
        using var anonymous = Server.CreateClient();

        var html = await anonymous.GetStringAsync("/Access/Search?q=档案&culture=en");

        Assert.Contains("Search the archive", html, StringComparison.Ordinal);
        Assert.Contains("records found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomeAndLoginPages_LinkAnonymousVisitorsToThePublicSearch()
    {
        using var anonymous = Server.CreateClient();

        var home = await anonymous.GetStringAsync("/");
        var login = await anonymous.GetStringAsync("/Account/Login");

        Assert.Contains("action=\"/Access/Search\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Access/Search\"", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffLayout_HasTheSearchLink()
    {
        using var staff = await TestUsers.SignInAsNewUserAsync(Server, 0, LantaiRoles.Reviewer);

        var html = await staff.GetStringAsync("/Catalogue/Records");

        Assert.Contains("<a href=\"/Search\">检索</a>", html, StringComparison.Ordinal);
    }

    private static List<string> Hits(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<div class=\"hit-title\"[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value.Trim())];
}
