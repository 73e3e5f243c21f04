using Lantai.Security;
using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Browser;

public sealed class BrowserSmokeTests
{
    [Fact]
    public async Task SignIn_InChromium_ShowsWorkbenchInChinese()
    {
        await using var server = await LantaiServer.StartAsync();
        await TestUsers.CreateAsync(server, "daly", 0, LantaiRoles.Archivist);
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var page = await browser.NewPageAsync(server.Address);

        await Infrastructure.Browser.SignInAsync(page, "daly", TestUsers.Password);

        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("档案目录", await page.InnerTextAsync("nav.mainnav"), StringComparison.Ordinal);
    }
}
