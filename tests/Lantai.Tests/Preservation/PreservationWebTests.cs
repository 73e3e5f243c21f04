using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lantai.Data;
using Lantai.Preservation;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Preservation;

public sealed partial class PreservationWebTests
{
    private static async Task<PreservationAlert> SeedAlertAsync(LantaiServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
        var alert = new PreservationAlert
        {
            At = DateTimeOffset.UnixEpoch,
            ObjectSm3 = new string('a', 64),
            Outcome = FixityOutcome.Mismatch,
            Message = "保存对象 aaaa 内容已改变（摘要不一致），未关联档案。请从备份恢复该文件。",
        };
        db.PreservationAlerts.Add(alert);
        await db.SaveChangesAsync();
        return alert;
    }

    [Fact]
    public async Task Alerts_ReviewerSeesThem_ArchivistAcknowledges_DashboardClears()
    {
        await using var server = await LantaiServer.StartAsync();
        var alert = await SeedAlertAsync(server);

        using var reviewer = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);
        Assert.Contains("固定性检查发现 1 个保存对象损坏或丢失", await reviewer.GetStringAsync("/"), StringComparison.Ordinal);
        var page = await reviewer.GetStringAsync("/Preservation/Alerts");
        Assert.Contains(alert.ObjectSm3, page, StringComparison.Ordinal);
        Assert.DoesNotContain("立即开始固定性检查", page, StringComparison.Ordinal); // reading only
        var listed = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/preservation/alerts");
        Assert.Equal("mismatch", listed[0].GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync($"/api/v1/preservation/alerts/{alert.Id}/acknowledge", null)).StatusCode);

        using var archivist = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var acknowledged = await archivist.PostAsync($"/api/v1/preservation/alerts/{alert.Id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.DoesNotContain("保存告警", await archivist.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Empty((await archivist.GetFromJsonAsync<JsonElement>("/api/v1/preservation/alerts")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await archivist.PostAsync($"/api/v1/preservation/alerts/{Guid.NewGuid()}/acknowledge", null)).StatusCode);

        var english = await archivist.GetStringAsync("/Preservation/Alerts?all=true&culture=en");
        Assert.Contains("Fixity alerts", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_AcknowledgeForm_MarksAlertSeen()
    {
        await using var server = await LantaiServer.StartAsync();
        var alert = await SeedAlertAsync(server);
        using var archivist = await CatalogueWeb.SignInWithoutRedirectsAsync(server, 0, LantaiRoles.Archivist);
        var response = await CatalogueWeb.PostFormAsync(archivist, "/Preservation/Alerts", new Dictionary<string, string>(),
            $"/Preservation/Alerts?handler=Acknowledge&id={alert.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await archivist.GetStringAsync("/Preservation/Alerts?all=true");
        Assert.Contains("确认", page, StringComparison.Ordinal);
        Assert.Contains("没有告警", await archivist.GetStringAsync("/Preservation/Alerts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixityApi_Archivist_EnqueuesJob_PatronRefused()
    {
        await using var server = await LantaiServer.StartAsync();
        using var archivist = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var response = await archivist.PostAsync("/api/v1/preservation/fixity", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("created").GetBoolean());

        using var patron = await CatalogueWeb.SignInWithoutRedirectsAsync(server, 0, LantaiRoles.Patron);
        Assert.Equal(HttpStatusCode.Forbidden, (await patron.PostAsync("/api/v1/preservation/fixity", null)).StatusCode);
        var page = await patron.GetAsync("/Preservation/Alerts");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public void EveryPreservationText_HasAnEnglishTranslation()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Lantai.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var web = Path.Combine(root.FullName, "src", "Lantai.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "PreservationResource.en.resx")).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(Path.Combine(web, "Pages", "Preservation"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => KeyRegex().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(PanelKeyRegex().Matches(File.ReadAllText(Path.Combine(web, "Pages", "Index.cshtml"))).Select(m => m.Groups[1].Value))
            .Concat(["摘要不一致", "文件丢失", "完好"])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(used.Where(k => !english.Contains(k)).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("T\\[\"([^\"]+)\"")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("P\\[\"([^\"]+)\"")]
    private static partial Regex PanelKeyRegex();
}
