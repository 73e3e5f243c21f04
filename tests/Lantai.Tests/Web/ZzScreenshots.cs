using Lantai.Catalogue;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using static Lantai.Tests.Web.CatalogueWeb;

namespace Lantai.Tests.Web;

public sealed class ZzScreenshots
{
    [Fact]
    public async Task Shoot()
    {
        if (Environment.GetEnvironmentVariable("LANTAI_SHOTS") is null) return;
        await using var server = await LantaiServer.StartAsync();
        var fonds = await CreateFondsAsync(server);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var fs = scope.ServiceProvider.GetRequiredService<FondsService>();
            await fs.AddOrgUnitAsync(fonds.Id, "BGS", "办公室", "seed", default);
            await fs.AddOrgUnitAsync(fonds.Id, "ZZB", "组织部", "seed", default);
        }
        for (var i = 0; i < 30; i++)
        {
            await CreateRecordAsync(server, Draft(i == 3 ? "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠤᠨ ᠠᠷᠴᠢᠪ ᠤᠨ ᠬᠡᠷᠡᠭ ᠤᠨ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ" : $"关于做好2016年度档案开放审核工作的通知（第{i}号）", date: new DateOnly(2016, 1 + i % 12, 1 + i), item: i < 20 ? null : i + 5, classification: i == 5 ? "内部" : "") with { TitleSupplied = i % 7 == 0 });
        }
        await CreateRecordAsync(server, Draft("旧档号文件", item: 40) with { ArchivalCode = "X013-WS·2016-Y-BGS-40" });
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var v = await scope.ServiceProvider.GetRequiredService<VolumeService>().CreateAsync(new VolumeDraft { FondsCode = "X013", Year = 2015, RetentionCode = "D30", OrgUnitCode = "BGS", Title = "2015年办公室会议纪要" }, "seed", default);
            var r = await CreateRecordAsync(server, Draft("会议纪要一", year: 2015) with { RetentionCode = "D30" });
            await scope.ServiceProvider.GetRequiredService<VolumeService>().AddItemAsync(v.Value.Id, r.Id, null, "seed", default);
        }
        await TestUsers.CreateAsync(server, "archivist", 4, LantaiRoles.Archivist, LantaiRoles.SystemAdministrator);
        using var pw = await Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var b = server.Address.ToString().TrimEnd('/');
        await page.GotoAsync(b + "/Account/Login");
        await page.FillAsync("#UserName", "archivist");
        await page.FillAsync("#Password", TestUsers.Password);
        await page.ClickAsync("button[type=submit]");
        var group = Uri.EscapeDataString(GroupKeys.ForItem("X013", "WS", 2016, "Y", "BGS"));
        var shots = new (string, string)[]
        {
            ("records", "/Catalogue/Records?limit=20"),
            ("record", "/Catalogue/Records?limit=20"),
            ("fonds", "/Catalogue/Fonds"),
            ("fondsdetail", $"/Catalogue/Fonds/{fonds.Id}"),
            ("create", "/Catalogue/Records/Create"),
            ("arrange", $"/Catalogue/Arrange?fonds=X013&group={group}"),
            ("arrangelist", "/Catalogue/Arrange?fonds=X013"),
            ("check", $"/Catalogue/Arrange/Check?fonds=X013&group={group}"),
            ("volumes", "/Catalogue/Volumes"),
            ("settings", "/Catalogue/Settings"),
        };
        foreach (var (name, url) in shots)
        {
            await page.GotoAsync(b + url);
            if (name == "record")
            {
                await page.ClickAsync("td.code a >> nth=3");
            }
            if (name == "create")
            {
                await page.FillAsync("#Input_Year", "20x6");
                await page.ClickAsync("button[type=submit]");
            }
            await page.ScreenshotAsync(new() { Path = $"/tmp/cat/{name}.png", FullPage = name is "settings" or "arrange" });
        }
        await page.GotoAsync(b + "/Catalogue/Volumes");
        await page.ClickAsync("td.code a");
        await page.ScreenshotAsync(new() { Path = "/tmp/cat/volume.png" });
        var phone = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await phone.GotoAsync(b + "/Account/Login");
        await phone.FillAsync("#UserName", "archivist");
        await phone.FillAsync("#Password", TestUsers.Password);
        await phone.ClickAsync("button[type=submit]");
        await phone.GotoAsync(b + "/Catalogue/Records?limit=20");
        await phone.ScreenshotAsync(new() { Path = "/tmp/cat/phone.png", FullPage = false });
        await phone.GotoAsync(b + "/Catalogue/Records/Create");
        await phone.ScreenshotAsync(new() { Path = "/tmp/cat/phonecreate.png", FullPage = false });
    }
}
