using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Security;

public sealed class UserAdministrationTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_WithTwoAdministrativeRoles_IsRefusedAndCreatesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = SecurityServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await admin.CreateAsync(
            new NewAccount { UserName = "both", Roles = [LantaiRoles.SystemAdministrator, LantaiRoles.SecurityAuditor] }, "cli:test", default);

        Assert.False(result.Succeeded);
        Assert.Equal(SecurityErrors.Separation, result.Errors[0].Code);
        Assert.Contains("三员分立", result.Errors[0].Message, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SetAccess_SecondAdministrativeRole_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = SecurityServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var user = (await admin.CreateAsync(new NewAccount { UserName = "wang", Roles = [LantaiRoles.SecurityOfficer] }, "system", default)).Value.User;

        var result = await admin.SetAccessAsync(user.Id, [LantaiRoles.SecurityOfficer, LantaiRoles.SecurityAuditor], 0, "secofficer", default);

        Assert.False(result.Succeeded);
        Assert.Equal("Roles", result.Errors[0].Field);
        Assert.Equal("三员分立：同一账号不能同时担任安全保密员和安全审计员", result.Errors[0].Message);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LantaiUser>>();
        Assert.Equal([LantaiRoles.SecurityOfficer], await users.GetRolesAsync((await users.FindByNameAsync("wang"))!));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SetAccess_OwnAccount_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = SecurityServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var officer = (await admin.CreateAsync(new NewAccount { UserName = "li", Roles = [LantaiRoles.SecurityOfficer] }, "system", default)).Value.User;

        var result = await admin.SetAccessAsync(officer.Id, [LantaiRoles.SecurityOfficer, LantaiRoles.Archivist], 4, "li", default);

        Assert.False(result.Succeeded);
        Assert.Equal(SecurityErrors.OwnAccount, result.Errors[0].Code);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RevokeOrDisable_LastEnabledAuditor_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = SecurityServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var auditor = (await admin.CreateAsync(new NewAccount { UserName = "zhao", Roles = [LantaiRoles.SecurityAuditor] }, "system", default)).Value.User;

        var revoke = await admin.SetAccessAsync(auditor.Id, [], 0, "secofficer", default);
        var disable = await admin.SetDisabledAsync(auditor.Id, true, "admin", default);

        Assert.Contains("唯一启用的安全审计员", revoke.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("唯一启用的安全审计员", disable.Errors[0].Message, StringComparison.Ordinal);

        // With a second auditor the first can go.
        await admin.CreateAsync(new NewAccount { UserName = "qian", Roles = [LantaiRoles.SecurityAuditor] }, "system", default);
        Assert.True((await admin.SetDisabledAsync(auditor.Id, true, "admin", default)).Succeeded);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryUserChange_LeavesAnAuditEntry_AndTheChainVerifies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = SecurityServices.Build(database);
        await using (var scope = services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LantaiUser>>();
            var created = await admin.CreateAsync(new NewAccount { UserName = "sun", DisplayName = "孙档案员" }, "admin", default);
            var id = created.Value.User.Id;
            Assert.True(created.Value.User.MustChangePassword);
            Assert.True(await users.CheckPasswordAsync(created.Value.User, created.Value.OneTimePassword));

            Assert.True((await admin.SetAccessAsync(id, [LantaiRoles.Archivist, LantaiRoles.Reviewer], 2, "secofficer", default)).Succeeded);
            Assert.True((await admin.SetAccessAsync(id, [LantaiRoles.Archivist], 2, "secofficer", default)).Succeeded);
            Assert.True((await admin.SetDisabledAsync(id, true, "admin", default)).Succeeded);
            Assert.True((await admin.SetDisabledAsync(id, false, "admin", default)).Succeeded);
            var user = (await users.FindByIdAsync(id.ToString()))!;
            await users.AccessFailedAsync(user);
            Assert.True((await admin.UnlockAsync(id, "admin", default)).Succeeded);
            var reset = await admin.ResetPasswordAsync(id, "admin", default);
            Assert.True((await admin.ResetTwoFactorAsync(id, "secofficer", default)).Succeeded);
            user = (await users.FindByIdAsync(id.ToString()))!;
            Assert.True(await users.CheckPasswordAsync(user, reset.Value.OneTimePassword));
            Assert.Equal(2, user.Clearance);
        }

        await using var db = database.CreateContext();
        var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(
            ["user.create", "user.role.grant", "user.role.grant", "user.clearance", "user.role.revoke", "user.disable", "user.enable", "user.unlock", "user.password.reset", "user.2fa.reset"],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(UserAdministration.EntityType, e.EntityType));
        Assert.Equal(["admin", "secofficer"], entries.Select(e => e.Actor).Distinct().Order(StringComparer.Ordinal));
        // No secret ever reaches the log.
        Assert.DoesNotContain(entries, e => (e.Before + e.After + e.Summary).Contains("password\":\"", StringComparison.OrdinalIgnoreCase));
        Assert.True((await new AuditVerifier(db).VerifyAsync(null, default)).Intact);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bootstrap_EmptyArchive_CreatesThreeAdministratorsOnlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = SecurityServices.Build(database);
        IReadOnlyList<BootstrapAccount> first;
        await using (var scope = services.CreateAsyncScope())
        {
            first = await AccountBootstrap.EnsureAccountsAsync(scope.ServiceProvider, demo: false, default);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Empty(await AccountBootstrap.EnsureAccountsAsync(scope.ServiceProvider, demo: true, default));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LantaiUser>>();
            Assert.Equal(["admin", "secofficer", "auditor"], first.Select(a => a.UserName));
            foreach (var account in first)
            {
                var user = (await users.FindByNameAsync(account.UserName))!;
                Assert.True(user.MustChangePassword);
                Assert.True(await users.CheckPasswordAsync(user, account.OneTimePassword));
                Assert.Equal([account.Role], await users.GetRolesAsync(user));
            }
        }

        await using var db = database.CreateContext();
        Assert.Equal(LantaiRoles.All.Count, await db.Roles.CountAsync());
        Assert.Equal(3, await db.Users.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bootstrap_Demo_AddsArchivistWithSecretClearanceAndReviewer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = SecurityServices.Build(database);
        await using var scope = services.CreateAsyncScope();

        var accounts = await AccountBootstrap.EnsureAccountsAsync(scope.ServiceProvider, demo: true, default);

        Assert.Equal(["admin", "secofficer", "auditor", "archivist", "reviewer"], accounts.Select(a => a.UserName));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LantaiUser>>();
        Assert.Equal(2, (await users.FindByNameAsync("archivist"))!.Clearance);
        var output = new StringWriter();
        AccountBootstrap.Print(accounts, "http://127.0.0.1:5000/Account/Login", output);
        Assert.Contains("登录: http://127.0.0.1:5000/Account/Login", output.ToString(), StringComparison.Ordinal);
        Assert.All(accounts, a => Assert.Contains(a.OneTimePassword, output.ToString(), StringComparison.Ordinal));
    }
}
