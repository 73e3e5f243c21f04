using System.CommandLine;
using Lantai.Cli;
using Lantai.Cli.Commands;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Security;

public sealed partial class AdminCommandTests
{
    private static readonly RootCommand Root = BuildRoot();

    private static RootCommand BuildRoot()
    {
        var root = new RootCommand("lantai") { GlobalOptions.Data, GlobalOptions.Db, GlobalOptions.Json };
        root.Subcommands.Add(AdminCommand.Create());
        return root;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var all = new List<string>(args) { "--data", database.DataDir };
        if (database.Options.PostgresConnectionString is { } cs)
        {
            all.AddRange(["--db", cs]);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Root.Parse(all).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_TwoAdministrativeRoles_IsRefusedWithExitOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var (exit, _, error) = await RunAsync(database, "admin", "create", "--user", "ma", "--role", "SystemAdministrator", "--role", "安全审计员");

        Assert.Equal(ExitCodes.Refused, exit);
        Assert.Contains("三员分立：同一账号不能同时担任系统管理员和安全审计员", error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "ma"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateThenResetPassword_PrintsOneTimePasswordsThatWork(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var created = await RunAsync(database, "admin", "create", "--user", "niu", "--role", "securityofficer");
        var reset = await RunAsync(database, "admin", "reset-password", "--user", "niu");
        var missing = await RunAsync(database, "admin", "reset-password", "--user", "nobody");
        var unknownRole = await RunAsync(database, "admin", "create", "--user", "x", "--role", "king");

        Assert.Equal(ExitCodes.Success, created.Exit);
        Assert.Equal(ExitCodes.Success, reset.Exit);
        Assert.Equal(ExitCodes.Refused, missing.Exit);
        Assert.Equal(ExitCodes.Usage, unknownRole.Exit);
        var first = PasswordRegex().Match(created.Output).Groups[1].Value;
        var second = PasswordRegex().Match(reset.Output).Groups[1].Value;
        Assert.NotEqual(first, second);
        await using var services = SecurityServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LantaiUser>>();
        var user = (await users.FindByNameAsync("niu"))!;
        Assert.False(await users.CheckPasswordAsync(user, first));
        Assert.True(await users.CheckPasswordAsync(user, second));
        Assert.True(user.MustChangePassword);
        Assert.Equal([LantaiRoles.SecurityOfficer], await users.GetRolesAsync(user));
        await using var db = database.CreateContext();
        Assert.Equal(["user.create", "user.password.reset"], await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.All(await db.AuditEntries.ToListAsync(), e => Assert.StartsWith("cli:", e.Actor, StringComparison.Ordinal));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"one-time password: (\S+)")]
    private static partial System.Text.RegularExpressions.Regex PasswordRegex();
}
