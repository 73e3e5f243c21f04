using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lantai.Tests.Web.SecurityWebHelpers;

namespace Lantai.Tests.Web;

public sealed class SecurityAdministrationTests
{
    [Fact]
    public async Task UserRoles_TwoAdministrativeRoles_ShowsTheSeparationErrorBesideTheRoles()
    {
        await using var server = await LantaiServer.StartAsync();
        var officer = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SecurityOfficer);
        var target = await TestUsers.CreateAsync(server, "han", 0, LantaiRoles.SystemAdministrator);
        var page = $"/Security/UserRoles?id={target.Id}";

        var refused = await (await PostFormAsync(officer, page, null,
            ("id", target.Id.ToString()), ("Roles", LantaiRoles.SystemAdministrator), ("Roles", LantaiRoles.SecurityAuditor), ("Clearance", "0"))).Content.ReadAsStringAsync();

        Assert.Contains("<div class=\"field-error\" role=\"alert\" id=\"roles-error\">三员分立：同一账号不能同时担任系统管理员和安全审计员</div>", refused, StringComparison.Ordinal);
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LantaiUser>>();
        Assert.Equal([LantaiRoles.SystemAdministrator], await users.GetRolesAsync((await users.FindByNameAsync("han"))!));
    }

    [Fact]
    public async Task UserChanges_AreAudited_AndTheAuditorSeesThemAndAnIntactChain()
    {
        await using var server = await LantaiServer.StartAsync();
        var admin = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SystemAdministrator);
        var officer = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SecurityOfficer);
        var auditor = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SecurityAuditor);

        await PostFormAsync(admin, "/Security/Users", "Create", ("NewUserName", "yang"), ("NewDisplayName", "杨审核"));
        Guid id;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<LantaiUser>>().FindByNameAsync("yang"))!.Id;
        }

        var granted = await PostFormAsync(officer, $"/Security/UserRoles?id={id}", null,
            ("id", id.ToString()), ("Roles", LantaiRoles.Reviewer), ("Clearance", "3"));
        Assert.Contains("已保存", await granted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await PostFormAsync(admin, "/Security/Users", "Disable", ("id", id.ToString()));
        await PostFormAsync(admin, "/Security/Users", "Enable", ("id", id.ToString()));
        var reset = await PostFormAsync(admin, "/Security/Users", "ResetPassword", ("id", id.ToString()));
        Assert.Matches("^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$", IssuedPassword(await reset.Content.ReadAsStringAsync()));

        var log = await auditor.GetStringAsync("/Security/Audit?entityId=" + id);
        foreach (var label in new[] { "创建账号", "授予角色", "设置密级权限", "停用账号", "启用账号", "重置密码" })
        {
            Assert.Contains(label, log, StringComparison.Ordinal);
        }

        Assert.Contains("<strong>clearance</strong>: 0 → 3", log, StringComparison.Ordinal);
        Assert.Contains("<strong>roles</strong>: ∅ → Reviewer", log, StringComparison.Ordinal);

        var verified = await (await PostFormAsync(auditor, "/Security/Audit", "Verify")).Content.ReadAsStringAsync();
        Assert.Contains("日志链完好", verified, StringComparison.Ordinal);

        var api = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=User&entityId={id}&action=user.");
        Assert.Equal(
            ["user.password.reset", "user.enable", "user.disable", "user.clearance", "user.role.grant", "user.create"],
            api.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));

        await using var db = server.Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "audit.verify"));
    }

    [Fact]
    public async Task Verify_AfterAnEntryIsEdited_ShowsTheFirstBrokenEntry()
    {
        await using var server = await LantaiServer.StartAsync();
        var admin = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SystemAdministrator);
        var auditor = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SecurityAuditor);
        await PostFormAsync(admin, "/Security/Users", "Create", ("NewUserName", "he"));
        await PostFormAsync(admin, "/Security/Users", "Create", ("NewUserName", "lv"));
        long tampered;
        await using (var db = server.Database.CreateContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Action == "user.create" && e.Summary == "创建账号 he");
            entry.Summary = "创建账号 someone-else";
            tampered = entry.Sequence;
            await db.SaveChangesAsync();
        }

        var page = await (await PostFormAsync(auditor, "/Security/Audit", "Verify")).Content.ReadAsStringAsync();
        using var api = await auditor.PostAsync("/api/v1/audit/verify", null);

        Assert.Contains("日志链已损坏", page, StringComparison.Ordinal);
        Assert.Contains($"第 {tampered} 条起无法通过校验", page, StringComparison.Ordinal);
        Assert.Contains($"第{tampered}条日志内容与其SM3摘要不符", page, StringComparison.Ordinal);
        var result = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Equal(tampered, result.GetProperty("firstBrokenSequence").GetInt64());
    }

    [Fact]
    public async Task Export_WritesTheFilteredLogAsFormulaSafeCsvAndRecordsTheExport()
    {
        await using var server = await LantaiServer.StartAsync();
        var admin = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SystemAdministrator);
        var auditor = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SecurityAuditor);
        await PostFormAsync(admin, "/Security/Users", "Create", ("NewUserName", "kong"), ("NewDisplayName", "=1+2"));

        using var response = await PostFormAsync(auditor, "/Security/Audit?action=user.create&text=kong", "Export",
            ("action", "user.create"), ("text", "kong"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("序号,时间(UTC),操作人,操作", lines[0], StringComparison.Ordinal);
        Assert.Single(lines[1..]);
        Assert.Contains("创建账号 kong", lines[1], StringComparison.Ordinal);
        await using var db = server.Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "audit.export"));
    }

    [Fact]
    public async Task Audit_PagesNewestFirstWithACursor()
    {
        await using var server = await LantaiServer.StartAsync();
        var auditor = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SecurityAuditor);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            for (var i = 0; i < 60; i++)
            {
                await administration.CreateAsync(new NewAccount { UserName = $"bulk{i:D2}" }, "admin", default);
            }
        }

        var first = await auditor.GetStringAsync("/Security/Audit?action=user.create&text=bulk");
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\" id=\"next-page\"").Groups[1].Value;
        var second = await auditor.GetStringAsync(WebUtility.HtmlDecode(next));

        Assert.Contains("创建账号 bulk59", first, StringComparison.Ordinal);
        Assert.DoesNotContain("创建账号 bulk09", first, StringComparison.Ordinal);
        Assert.Contains("创建账号 bulk09", second, StringComparison.Ordinal);
        Assert.DoesNotContain("创建账号 bulk10", second, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"next-page\"", second, StringComparison.Ordinal);

        var page1 = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=user.create&text=bulk&limit=40");
        var page2 = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=user.create&text=bulk&limit=40&cursor={page1.GetProperty("next").GetString()}");
        Assert.Equal(40, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(20, page2.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("next").ValueKind);
    }
}
