using Lantai.Security;
using Lantai.Tests.Catalogue.Import;
using Lantai.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lantai.Tests.Browser;

public sealed class ImportInBrowserTests
{
    [Fact]
    public async Task Archivist_ImportsSampleXlsxThroughTheUi_AndFindsARecordByItsArchivalCode()
    {
        await using var server = await LantaiServer.StartAsync();
        await TestUsers.CreateAsync(server, "daly", 0, LantaiRoles.Archivist);
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        var page = await browser.NewPageAsync(server.Address);
        await Infrastructure.Browser.SignInAsync(page, "daly", TestUsers.Password);

        await page.ClickAsync("nav.mainnav >> text=目录导入");
        await page.SetInputFilesAsync("input[type=file]", ImportSamples.PathOf("catalogue-0426-ws.xlsx"));
        await page.ClickAsync("text=上传并预览");
        await page.WaitForSelectorAsync("#import-preview");
        Assert.Contains("536", await page.InnerTextAsync("#import-preview"), StringComparison.Ordinal);
        await page.ClickAsync("#import-commit");
        // The job page polls the import and moves on to its outcome by itself.
        await page.WaitForSelectorAsync("#import-done", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("536", await page.InnerTextAsync("#import-done"), StringComparison.Ordinal);

        await page.ClickAsync("nav.mainnav >> text=档案目录");
        await page.FillAsync("input[name=q]", "0426-WS·2016-Y-BGS-0003");
        await page.PressAsync("input[name=q]", "Enter");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var table = await page.InnerTextAsync("main");
        Assert.Contains("0426-WS·2016-Y-BGS-0003", table, StringComparison.Ordinal);
        Assert.Contains("关于乌兰牧骑档案整理工作情况的报告", table, StringComparison.Ordinal);
    }
}
