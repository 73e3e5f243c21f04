using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Lantai.Tests.Web.SecurityWebHelpers;

namespace Lantai.Tests.Web;

public sealed class SecuritySignInTests
{
    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccount()
    {
        await using var server = await LantaiServer.StartAsync();
        await TestUsers.CreateAsync(server, "zhang", 0, LantaiRoles.Archivist);
        var client = server.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await (await SignInAsync(client, "zhang", "Wrong-password-" + i)).Content.ReadAsStringAsync();
            Assert.Contains(i < 4 ? "用户名或密码错误" : "账号已暂时锁定", wrong, StringComparison.Ordinal);
        }

        var right = await SignInAsync(client, "zhang", TestUsers.Password);

        Assert.Equal("/Account/Login", FinalPath(right));
        Assert.Contains("账号已暂时锁定", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var api = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "zhang", password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("urn:lantai:problem:locked-out", (await ProblemAsync(api)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task OneTimePassword_ForcesAPasswordChangeBeforeAnythingElse()
    {
        await using var server = await LantaiServer.StartAsync();
        var admin = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SystemAdministrator);
        var created = await PostFormAsync(admin, "/Security/Users", "Create", ("NewUserName", "zhou"), ("NewDisplayName", "周档案员"));
        var oneTime = IssuedPassword(await created.Content.ReadAsStringAsync());
        var user = server.CreateClient();

        var signedIn = await SignInAsync(user, "zhou", oneTime);
        var elsewhere = await user.GetAsync("/Security/Audit");
        using var api = await user.GetAsync("/api/v1/audit");
        var me = await user.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal("/Account/ChangePassword", FinalPath(signedIn));
        Assert.Contains("一次性密码", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/Account/ChangePassword", FinalPath(elsewhere));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("urn:lantai:problem:password-change-required", (await ProblemAsync(api)).GetProperty("type").GetString());
        Assert.True(me.GetProperty("mustChangePassword").GetBoolean());

        var mismatch = await PostFormAsync(user, "/Account/ChangePassword", null,
            ("CurrentPassword", oneTime), ("NewPassword", "Zhou-new-pass-1"), ("ConfirmPassword", "Zhou-new-pass-2"));
        Assert.Contains("两次输入的新密码不一致", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooShort = await PostFormAsync(user, "/Account/ChangePassword", null,
            ("CurrentPassword", oneTime), ("NewPassword", "short"), ("ConfirmPassword", "short"));
        Assert.Contains("密码至少需要10个字符", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await PostFormAsync(user, "/Account/ChangePassword", null,
            ("CurrentPassword", oneTime), ("NewPassword", "Zhou-new-pass-1"), ("ConfirmPassword", "Zhou-new-pass-1"));
        Assert.Equal("/Account/Manage", FinalPath(changed));
        Assert.Equal("/", FinalPath(await user.GetAsync("/")));

        var again = server.CreateClient();
        Assert.Equal("/Account/Login", FinalPath(await SignInAsync(again, "zhou", oneTime)));
        Assert.Equal("/", FinalPath(await SignInAsync(again, "zhou", "Zhou-new-pass-1")));
    }

    [Fact]
    public async Task TwoFactor_EnableThenSignInWithCodeAndWithRecoveryCode()
    {
        await using var server = await LantaiServer.StartAsync();
        await TestUsers.CreateAsync(server, "wu", 2, LantaiRoles.Archivist);
        var client = server.CreateClient();
        await SignInAsync(client, "wu", TestUsers.Password);

        var manage = await client.GetStringAsync("/Account/Manage");
        Assert.Contains("data:image/png;base64,", manage, StringComparison.Ordinal);
        var key = SharedKey(manage);
        var wrong = await PostFormAsync(client, "/Account/Manage", "Enable", ("Code", "000000"));
        Assert.Contains("验证码错误", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enabled = await (await PostFormAsync(client, "/Account/Manage", "Enable", ("Code", Totp(key)))).Content.ReadAsStringAsync();
        var recovery = RecoveryCodes(enabled);
        Assert.Equal(10, recovery.Count);
        Assert.Contains("已启用", enabled, StringComparison.Ordinal);
        // The session survives the enable and the recovery codes are not shown again.
        Assert.Empty(RecoveryCodes(await client.GetStringAsync("/Account/Manage")));

        var withCode = server.CreateClient();
        var step1 = await SignInAsync(withCode, "wu", TestUsers.Password);
        Assert.Equal("/Account/LoginWith2fa", FinalPath(step1));
        Assert.Contains("验证码或恢复码错误", await (await PostFormAsync(withCode, "/Account/LoginWith2fa", null, ("Code", "123 456"))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var step2 = await PostFormAsync(withCode, "/Account/LoginWith2fa", null, ("Code", Totp(key, 1)));
        Assert.Equal("/", FinalPath(step2));
        Assert.Equal("wu", (await withCode.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userName").GetString());

        var withRecovery = server.CreateClient();
        await SignInAsync(withRecovery, "wu", TestUsers.Password);
        Assert.Equal("/", FinalPath(await PostFormAsync(withRecovery, "/Account/LoginWith2fa", null, ("Code", recovery[0]))));

        var reused = server.CreateClient();
        await SignInAsync(reused, "wu", TestUsers.Password);
        Assert.Equal("/Account/LoginWith2fa", FinalPath(await PostFormAsync(reused, "/Account/LoginWith2fa", null, ("Code", recovery[0]))));

        // Scripts sign in with the code in the same request.
        var script = server.CreateClient();
        using var noCode = await script.PostAsJsonAsync("/api/v1/auth/login", new { userName = "wu", password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        Assert.Equal("urn:lantai:problem:two-factor-required", (await ProblemAsync(noCode)).GetProperty("type").GetString());
        using var ok = await script.PostAsJsonAsync("/api/v1/auth/login", new { userName = "wu", password = TestUsers.Password, code = Totp(key) });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var me = await script.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.True(me.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Equal(2, me.GetProperty("clearance").GetInt32());
        Assert.Equal("秘密", me.GetProperty("clearanceName").GetString());

        // Phone lost: the security officer resets two-factor sign-in, and the password alone signs in again.
        var officer = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SecurityOfficer);
        var id = me.GetProperty("id").GetString();
        var reset = await PostFormAsync(officer, $"/Security/UserRoles?id={id}", "ResetTwoFactor", ("id", id!));
        Assert.Contains("已重置双因素认证", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/", FinalPath(await SignInAsync(server.CreateClient(), "wu", TestUsers.Password)));
    }

    [Fact]
    public async Task JsonLogin_WrongPassword_IsAProblemWithChineseTitle()
    {
        await using var server = await LantaiServer.StartAsync();
        await TestUsers.CreateAsync(server, "zheng", 0, LantaiRoles.Reviewer);
        var client = server.CreateClient();

        using var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "zheng", password = "nope-nope-nope" });
        using var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "zheng", password = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var problem = await ProblemAsync(wrong);
        Assert.Equal("urn:lantai:problem:invalid-credentials", problem.GetProperty("type").GetString());
        Assert.Equal("用户名或密码错误", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal([LantaiRoles.Reviewer], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task AdminTwoFactorRequired_SendsAdministratorsToSetUpFirst()
    {
        await using var server = await LantaiServer.StartAsync();
        var officer = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SecurityOfficer);
        var archivist = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        await TestUsers.CreateAsync(server, "feng", 0, LantaiRoles.SystemAdministrator);
        var admin = server.CreateClient();
        await SignInAsync(admin, "feng", TestUsers.Password);
        Assert.Equal("/Security/Users", FinalPath(await admin.GetAsync("/Security/Users")));

        var saved = await PostFormAsync(officer, "/Security/Users", "Settings", ("RequireAdminTwoFactor", "true"));
        Assert.Contains("已要求管理员使用双因素认证", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var diverted = await admin.GetAsync("/Security/Users");
        Assert.Equal("/Account/Manage", FinalPath(diverted));
        var manage = await diverted.Content.ReadAsStringAsync();
        Assert.Contains("本馆要求系统管理员", manage, StringComparison.Ordinal);
        using var api = await admin.GetAsync("/api/v1/audit");
        Assert.Equal("urn:lantai:problem:two-factor-setup-required", (await ProblemAsync(api)).GetProperty("type").GetString());
        // Archivists are not administrators: not diverted.
        Assert.Equal("/", FinalPath(await archivist.GetAsync("/")));

        var enabled = await PostFormAsync(admin, "/Account/Manage", "Enable", ("Code", Totp(SharedKey(manage))));
        Assert.DoesNotContain("关闭双因素认证", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/Security/Users", FinalPath(await admin.GetAsync("/Security/Users")));
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn()
    {
        await using var server = await LantaiServer.StartAsync();
        var admin = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SystemAdministrator);
        var user = await TestUsers.CreateAsync(server, "chen", 0, LantaiRoles.Archivist);

        var disabled = await PostFormAsync(admin, "/Security/Users", "Disable", ("id", user.Id.ToString()));
        Assert.Contains("已停用账号 chen", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var client = server.CreateClient();
        var attempt = await SignInAsync(client, "chen", TestUsers.Password);
        Assert.Contains("账号已停用", await attempt.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var api = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "chen", password = TestUsers.Password });
        Assert.Equal("urn:lantai:problem:account-disabled", (await ProblemAsync(api)).GetProperty("type").GetString());

        await PostFormAsync(admin, "/Security/Users", "Enable", ("id", user.Id.ToString()));
        Assert.Equal("/", FinalPath(await SignInAsync(client, "chen", TestUsers.Password)));
        await using var scope = server.Services.CreateAsyncScope();
        Assert.False(AccountLockout.IsDisabled((await scope.ServiceProvider.GetRequiredService<UserManager<LantaiUser>>().FindByNameAsync("chen"))!));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
