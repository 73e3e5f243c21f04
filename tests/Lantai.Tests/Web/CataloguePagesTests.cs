using System.Net;
using System.Net.Http.Json;
using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lantai.Tests.Web.CatalogueWeb;

namespace Lantai.Tests.Web;

public sealed class CataloguePagesTests
{
    [Fact]
    public async Task CreateFondsThenRecord_RecordAppearsInListWithItsArchivalCode()
    {
        await using var server = await LantaiServer.StartAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var fonds = await PostFormAsync(client, "/Catalogue/Fonds/Edit", new Dictionary<string, string>
        {
            ["Input.Code"] = "X013",
            ["Input.Name"] = "示例旗人民政府办公室",
            ["Input.CodeTemplateKey"] = ArchivalCodeTemplate.Dat22ItemKey,
        });
        var fondsPage = await fonds.Content.ReadAsStringAsync();
        var record = await PostFormAsync(client, "/Catalogue/Records/Create", new Dictionary<string, string>
        {
            ["Input.FondsCode"] = "X013",
            ["Input.CategoryCode"] = "WS",
            ["Input.Year"] = "2016",
            ["Input.RetentionCode"] = "Y",
            ["Input.OrgUnitCode"] = "BGS",
            ["Input.Title"] = "关于做好档案开放审核工作的通知",
            ["Input.TitleSupplied"] = "true",
            ["Input.Date"] = "20160312",
            ["Input.PageCount"] = "4",
            ["Input.OpenStatus"] = "unreviewed",
        });
        var detail = await record.Content.ReadAsStringAsync();
        var list = await client.GetStringAsync("/Catalogue/Records?fonds=X013");

        Assert.Contains("示例旗人民政府办公室", fondsPage, StringComparison.Ordinal);
        Assert.Contains("X013-WS·2016-Y-BGS-0001", detail, StringComparison.Ordinal);
        Assert.Equal(["X013-WS·2016-Y-BGS-0001"], Codes(list));
        Assert.Contains("[关于做好档案开放审核工作的通知]", list, StringComparison.Ordinal);
        Assert.Contains("20160312", list, StringComparison.Ordinal);
        Assert.Contains("共 1 件", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRecord_WrongFields_ShowsChineseErrorsNextToEachField()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var fields = new Dictionary<string, string>
        {
            ["Input.FondsCode"] = "X013",
            ["Input.CategoryCode"] = "WS",
            ["Input.Year"] = "20x6",
            ["Input.RetentionCode"] = "Y",
            ["Input.Title"] = "关于档案工作的报告",
            ["Input.Date"] = "2016-13-45",
        };

        var typed = await (await PostFormAsync(client, "/Catalogue/Records/Create", fields)).Content.ReadAsStringAsync();
        fields["Input.Year"] = "2016";
        fields["Input.Date"] = "";
        fields["Input.Title"] = "=HYPERLINK(\"http://x\")";
        fields["Input.OrgUnitCode"] = "办 公室";
        var ruled = await (await PostFormAsync(client, "/Catalogue/Records/Create", fields)).Content.ReadAsStringAsync();
        await CreateRecordAsync(server, Draft("已有的第1件", item: 1));
        fields["Input.Title"] = "重复件号";
        fields["Input.OrgUnitCode"] = "BGS";
        fields["Input.ItemNumber"] = "1";
        var duplicate = await (await PostFormAsync(client, "/Catalogue/Records/Create", fields)).Content.ReadAsStringAsync();

        Assert.Equal("年度“20x6”应为四位数字，如 2016", FieldError(typed, "Input.Year"));
        Assert.Equal("日期“2016-13-45”无效（应为 YYYYMMDD，如 20160312）", FieldError(typed, "Input.Date"));
        Assert.Contains("公式注入", FieldError(ruled, "Input.Title"), StringComparison.Ordinal);
        Assert.Contains("不能含有", FieldError(ruled, "Input.OrgUnitCode"), StringComparison.Ordinal);
        Assert.Null(FieldError(ruled, "Input.Year"));
        // A clash on the archival code, a field the form does not show, is said above the form.
        Assert.Contains("档号“X013-WS·2016-Y-BGS-0001”已存在，不能重复", duplicate, StringComparison.Ordinal);
        await using var scope = server.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LantaiDbContext>().Records.CountAsync());
    }

    [Fact]
    public async Task RecordList_NextAndPreviousLinks_WalkEveryRowOnceBothWays()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        for (var i = 0; i < 17; i++)
        {
            // Some dates repeat and some are missing: the order must still be total (ties broken by code).
            DateOnly? date = i % 5 == 0 ? null : new DateOnly(2016, 1 + (i % 4), 1);
            await CreateRecordAsync(server, Draft($"文件{i}", year: 2014 + (i % 3), date: date));
        }

        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var forward = new List<List<string>>();
        var url = "/Catalogue/Records?sort=date&dir=desc&limit=4&year=2014-2016";
        string html;
        var guard = 0;
        while (true)
        {
            html = await client.GetStringAsync(url);
            forward.Add(Codes(html));
            if (Link(html, "next") is not { } next || ++guard > 10)
            {
                break;
            }

            url = next;
        }

        var backward = new List<List<string>> { Codes(html) };
        while (Link(html, "prev") is { } prev && guard++ < 20)
        {
            html = await client.GetStringAsync(prev);
            backward.Add(Codes(html));
        }

        var all = forward.SelectMany(p => p).ToList();
        Assert.Equal(17, all.Count);
        Assert.Equal(17, all.Distinct().Count());
        Assert.Equal(5, forward.Count);
        backward.Reverse();
        Assert.Equal(forward, backward);
    }

    [Fact]
    public async Task SecretRecord_IsInvisibleToArchivistWithoutClearance()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        await CreateRecordAsync(server, Draft("公开的文件"));
        var secret = await CreateRecordAsync(server, Draft("秘密的文件", classification: "秘密"));
        var uncleared = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var cleared = await TestUsers.SignInAsNewUserAsync(server, 2, LantaiRoles.Archivist);

        var list = await uncleared.GetStringAsync("/Catalogue/Records?q=文件");
        var search = await uncleared.GetStringAsync("/Catalogue/Records?q=秘密");
        var detail = await uncleared.GetAsync($"/Catalogue/Records/{secret.Id}");
        var edit = await uncleared.GetAsync($"/Catalogue/Records/{secret.Id}/Edit");
        var api = await uncleared.GetAsync($"/api/v1/records/{secret.Id}");
        var apiList = await uncleared.GetStringAsync("/api/v1/records?limit=500");
        var clearedList = await cleared.GetStringAsync("/Catalogue/Records?q=文件");

        Assert.DoesNotContain(secret.ArchivalCode, list, StringComparison.Ordinal);
        Assert.DoesNotContain("秘密的文件", search, StringComparison.Ordinal);
        Assert.Contains("共 1 件", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain(secret.Id.ToString(), apiList, StringComparison.Ordinal);
        Assert.Contains(secret.ArchivalCode, clearedList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviewer_ReadsTheCatalogueButCannotWrite()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        var record = await CreateRecordAsync(server, Draft("关于档案工作的报告"));
        var reviewer = await SignInWithoutRedirectsAsync(server, 0, LantaiRoles.Reviewer);

        var list = await reviewer.GetAsync("/Catalogue/Records");
        var detail = await reviewer.GetStringAsync($"/Catalogue/Records/{record.Id}");
        var create = await reviewer.GetAsync("/Catalogue/Records/Create");
        var edit = await reviewer.GetAsync($"/Catalogue/Records/{record.Id}/Edit");
        var arrange = await reviewer.GetAsync("/Catalogue/Arrange");
        using var body = JsonContent.Create(new { fondsCode = "X013", year = 2016, retentionCode = "Y", title = "审核员不能著录" });
        var post = await reviewer.PostAsync("/api/v1/records", body);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(record.ArchivalCode, detail, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Catalogue/Records/{record.Id}/Edit", detail, StringComparison.Ordinal);
        Assert.All([create, edit, arrange], r => Assert.Equal("/Account/AccessDenied", r.Headers.Location?.AbsolutePath));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task MongolianTitle_IsMarkedMnMongInListAndDetail()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        var record = await CreateRecordAsync(server, Draft("ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠤᠨ ᠠᠷᠴᠢᠪ"));
        await CreateRecordAsync(server, Draft("汉文题名"));
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var list = await client.GetStringAsync("/Catalogue/Records");
        var detail = await client.GetStringAsync($"/Catalogue/Records/{record.Id}");

        Assert.Contains("<div lang=\"mn-Mong\">ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠤᠨ ᠠᠷᠴᠢᠪ</div>", list, StringComparison.Ordinal);
        Assert.Contains("<div>汉文题名</div>", list, StringComparison.Ordinal);
        Assert.Contains("lang=\"mn-Mong\">ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠤᠨ ᠠᠷᠴᠢᠪ<", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditRecord_StaleVersion_IsRefusedAndHistoryShowsTheSavedChange()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        var record = await CreateRecordAsync(server, Draft("原题名"));
        var first = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var second = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var page = $"/Catalogue/Records/{record.Id}/Edit";
        Dictionary<string, string> Fields(string title) => new()
        {
            ["Input.FondsCode"] = "X013",
            ["Input.CategoryCode"] = "WS",
            ["Input.Year"] = "2016",
            ["Input.RetentionCode"] = "Y",
            ["Input.OrgUnitCode"] = "BGS",
            ["Input.ItemNumber"] = "1",
            ["Input.Title"] = title,
            ["Input.OpenStatus"] = "open",
            ["Input.Version"] = "0",
        };

        var saved = await (await PostFormAsync(first, page, Fields("第一人改的题名"))).Content.ReadAsStringAsync();
        var refused = await (await PostFormAsync(second, page, Fields("第二人改的题名"))).Content.ReadAsStringAsync();

        Assert.Contains("该档案已被他人修改", refused, StringComparison.Ordinal);
        Assert.Contains("第一人改的题名", saved, StringComparison.Ordinal);
        Assert.Contains("<del>原题名</del> → <ins>第一人改的题名</ins>", saved, StringComparison.Ordinal);
        Assert.Contains("<del>未审</del> → <ins>开放</ins>", saved, StringComparison.Ordinal);
        await using var scope = server.Services.CreateAsyncScope();
        Assert.Equal("第一人改的题名", (await scope.ServiceProvider.GetRequiredService<LantaiDbContext>().Records.SingleAsync()).Title);
    }

    [Fact]
    public async Task ArrangePage_PreviewThenConfirm_ClosesGapsAndShowsInHistory()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        await CreateRecordAsync(server, Draft("甲", item: 3));
        var b = await CreateRecordAsync(server, Draft("乙", item: 8));
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var group = Uri.EscapeDataString(GroupKeys.ForItem("X013", "WS", 2016, "Y", "BGS"));
        var page = $"/Catalogue/Arrange?fonds=X013&group={group}";

        var check = await client.GetStringAsync($"/Catalogue/Arrange/Check?fonds=X013&group={group}");
        var preview = await client.GetStringAsync(page);
        var confirmed = await (await PostFormAsync(client, page, new Dictionary<string, string> { ["token"] = Token(preview) })).Content.ReadAsStringAsync();
        var history = await client.GetStringAsync($"/Catalogue/Records/{b.Id}");

        Assert.Contains("1–2、4–7", check, StringComparison.Ordinal);
        Assert.Contains("X013-WS·2016-Y-BGS-0002", preview, StringComparison.Ordinal);
        Assert.Contains("已重新编号，改动 2 件。", confirmed, StringComparison.Ordinal);
        Assert.Contains("重新编号", history, StringComparison.Ordinal);
        Assert.Contains("<del>X013-WS·2016-Y-BGS-0008</del> → <ins>X013-WS·2016-Y-BGS-0002</ins>", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VolumePages_CreateVolumeAndAddAnItem_GivesTheVolumeItemCode()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        await CreateRecordAsync(server, Draft("卷内文件"));
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var created = await PostFormAsync(client, "/Catalogue/Volumes/Create", new Dictionary<string, string>
        {
            ["Input.FondsCode"] = "X013",
            ["Input.CategoryCode"] = "WS",
            ["Input.Year"] = "2016",
            ["Input.RetentionCode"] = "Y",
            ["Input.OrgUnitCode"] = "BGS",
            ["Input.Title"] = "2016年办公室发文",
        });
        var volumePage = created.RequestMessage!.RequestUri!.AbsolutePath;
        var added = await (await PostFormAsync(client, volumePage, new Dictionary<string, string> { ["ItemCode"] = "X013-WS·2016-Y-BGS-0001" }, volumePage + "?handler=Add")).Content.ReadAsStringAsync();
        var list = await client.GetStringAsync("/Catalogue/Volumes?fonds=X013");

        Assert.Contains("X013-WS·2016·Y-001-001", added, StringComparison.Ordinal);
        Assert.Contains("X013-WS·2016·Y-001", list, StringComparison.Ordinal);
        Assert.Contains("2016年办公室发文", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPage_AdministratorAddsCarrier_ArchivistIsTurnedAway()
    {
        await using var server = await LantaiServer.StartAsync();
        // The settings page sits in the catalogue folder, whose pages also need catalogue read (see the report).
        var admin = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SystemAdministrator, LantaiRoles.Archivist);
        var archivist = await SignInWithoutRedirectsAsync(server, 0, LantaiRoles.Archivist);

        var saved = await (await PostFormAsync(admin, "/Catalogue/Settings", new Dictionary<string, string>
        {
            ["list"] = CodeLists.Carrier,
            ["code"] = "光盘",
            ["name"] = "光盘",
            ["rank"] = "8",
        }, "/Catalogue/Settings?handler=AddEntry")).Content.ReadAsStringAsync();
        var badTemplate = await PostFormAsync(admin, "/Catalogue/Settings", new Dictionary<string, string>
        {
            ["key"] = "坏模板",
            ["name"] = "坏模板",
            ["pattern"] = "{fonds}{category}·{year}-{item:4}",
        }, "/Catalogue/Settings?handler=SaveTemplate");
        var turnedAway = await archivist.GetAsync("/Catalogue/Settings");

        Assert.Contains("value=\"光盘\"", saved, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badTemplate.StatusCode);
        Assert.Contains("无法拆回", await badTemplate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/Account/AccessDenied", turnedAway.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task RecordListPage_HostileQueryString_Answers400InChinese()
    {
        await using var server = await LantaiServer.StartAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var response = await client.GetAsync("/Catalogue/Records?year=20x6&open=secret&cursor=%00%FF&limit=9999");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("年度“20x6”无效", html, StringComparison.Ordinal);
        Assert.Contains("开放状态“secret”无效", html, StringComparison.Ordinal);
        Assert.Contains("翻页游标无效", html, StringComparison.Ordinal);
        Assert.Contains("每页条数“9999”无效", html, StringComparison.Ordinal);
    }

    private static string Token(string html)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, "name=\"token\" value=\"([0-9a-f]+)\"");
        Assert.True(m.Success, "The preview has no confirm form.");
        return m.Groups[1].Value;
    }
}
