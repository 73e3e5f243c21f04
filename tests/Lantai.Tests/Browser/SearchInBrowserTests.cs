using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Search.Web;
using Microsoft.Playwright;

namespace Lantai.Tests.Browser;

public sealed class SearchInBrowserTests
{
    [Fact]
    public async Task Archivist_TypesAQuery_SeesTheMatchMarked_AndAFacetNarrowsTheCount()
    {
        await using var server = await LantaiServer.StartAsync();
        await SearchWeb.SeedAsync(server);
        await TestUsers.CreateAsync(server, "saran", 0, LantaiRoles.Archivist);
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var page = await browser.NewPageAsync(server.Address);
        await Infrastructure.Browser.SignInAsync(page, "saran", TestUsers.Password);

        await page.ClickAsync("nav.mainnav >> text=检索");
        await page.FillAsync("input[name=q]", "档案");
        await page.PressAsync("input[name=q]", "Enter");
        await page.WaitForSelectorAsync("ol.hits");
        var before = await TotalAsync(page);
        var marked = await page.InnerTextAsync("ol.hits mark >> nth=0");

        await page.ClickAsync("section[data-facet=year] a >> text=2018");
        await page.WaitForSelectorAsync(".chip");
        var after = await TotalAsync(page);

        Assert.Equal("档案", marked);
        Assert.True(before >= 3, $"before: {before}");
        Assert.Equal(1, after);
        Assert.Contains("库房改造", await page.InnerTextAsync("ol.hits"), StringComparison.Ordinal);

        await page.ClickAsync(".chip-remove");
        await page.WaitForSelectorAsync("ol.hits");
        Assert.Equal(before, await TotalAsync(page));
    }

    [Fact]
    public async Task Citizen_SearchesFromTheHomePageOnAPhone()
    {
        await using var server = await LantaiServer.StartAsync();
        await SearchWeb.SeedAsync(server);
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var page = await browser.NewPageAsync(server.Address);
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/");
        await page.FillAsync("#home-q", "征集");
        await page.PressAsync("#home-q", "Enter");
        await page.WaitForSelectorAsync("ol.hits");

        Assert.Equal(1, await TotalAsync(page));
        Assert.Equal("征集", await page.InnerTextAsync("ol.hits mark >> nth=0"));
        // Nothing runs off the side of a phone's screen.
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
    }

    private static async Task<int> TotalAsync(IPage page) =>
        int.Parse(await page.GetAttributeAsync(".total", "data-total") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
}
