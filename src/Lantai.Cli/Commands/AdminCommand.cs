using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Cli.Commands;

/// <summary>
/// `lantai admin create --user NAME --role ROLE` and `lantai admin reset-password --user NAME`: account work for the
/// operator of the server (e.g. when the only administrator is locked out). Both print a one-time password once;
/// 三员分立 applies here as in the browser (exit 1 when refused); every change is audited as cli:{os user}.
/// </summary>
public static class AdminCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public static Command Create()
    {
        var command = new Command("admin", "账号管理：创建账号、重置密码 (accounts: create, reset password)");
        command.Subcommands.Add(CreateUser());
        command.Subcommands.Add(ResetPassword());
        return command;
    }

    private static Command CreateUser()
    {
        var user = new Option<string>("--user") { Description = "用户名 (user name)", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = "角色，可重复 (role, repeatable): " + string.Join(", ", LantaiRoles.All.Select(r => $"{r}/{LantaiRoles.DisplayName(r)}")),
            Arity = ArgumentArity.OneOrMore,
        };
        var name = new Option<string?>("--name") { Description = "姓名 (display name)" };
        var clearance = new Option<int>("--clearance") { Description = "密级权限 0-4 (clearance rank)" };
        var command = new Command("create", "创建账号并打印一次性密码 (create an account, print a one-time password)") { user, roles, name, clearance };
        command.SetAction(async (result, cancellationToken) =>
        {
            var wanted = new List<string>();
            foreach (var role in result.GetValue(roles) ?? [])
            {
                if (ParseRole(role) is not { } key)
                {
                    await result.InvocationConfiguration.Error.WriteLineAsync($"角色“{role}”不存在。可用角色: {string.Join(", ", LantaiRoles.All)}");
                    return ExitCodes.Usage;
                }

                wanted.Add(key);
            }

            await using var services = await OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
                new NewAccount { UserName = result.GetValue(user)!, DisplayName = result.GetValue(name), Roles = wanted, Clearance = result.GetValue(clearance) },
                GlobalOptions.Actor, cancellationToken);
            if (!created.Succeeded)
            {
                return await RefuseAsync(result, created.Errors);
            }

            await PrintAsync(result, created.Value, "已创建账号 (account created)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ResetPassword()
    {
        var user = new Option<string>("--user") { Description = "用户名 (user name)", Required = true };
        var command = new Command("reset-password", "重置密码并解除锁定，打印一次性密码 (reset the password, end a lockout, print a one-time password)") { user };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var account = await scope.ServiceProvider.GetRequiredService<UserManager<LantaiUser>>().FindByNameAsync(result.GetValue(user)!);
            if (account is null)
            {
                return await RefuseAsync(result, [Error.NotFound($"账号“{result.GetValue(user)}”")]);
            }

            var reset = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ResetPasswordAsync(account.Id, GlobalOptions.Actor, cancellationToken);
            if (!reset.Succeeded)
            {
                return await RefuseAsync(result, reset.Errors);
            }

            await PrintAsync(result, reset.Value, "已重置密码 (password reset)");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The engine with Identity on the chosen database, migrated and with its roles seeded.</summary>
    private static async Task<ServiceProvider> OpenAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var options = GlobalOptions.DatabaseOptions(result);
        var services = new ServiceCollection().AddLantaiEngine(options).AddLantaiIdentityCore().BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await LantaiDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<LantaiDbContext>(), options, cancellationToken);
        await AccountBootstrap.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
        return services;
    }

    /// <summary>A role by its key (SystemAdministrator, any case) or its Chinese name (系统管理员).</summary>
    private static string? ParseRole(string text) =>
        LantaiRoles.All.FirstOrDefault(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(LantaiRoles.DisplayName(r), text, StringComparison.Ordinal));

    private static async Task PrintAsync(ParseResult result, CreatedAccount account, string heading)
    {
        var output = result.InvocationConfiguration.Output;
        if (result.GetValue(GlobalOptions.Json))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(
                new { userName = account.User.UserName, roles = account.Roles, oneTimePassword = account.OneTimePassword, mustChangePassword = true }, Json));
            return;
        }

        var roles = account.Roles.Count == 0 ? "无 (none)" : string.Join("、", account.Roles.Select(LantaiRoles.DisplayName));
        await output.WriteLineAsync(heading);
        await output.WriteLineAsync($"  用户名 user:      {account.User.UserName}");
        await output.WriteLineAsync($"  角色 roles:       {roles}");
        await output.WriteLineAsync($"  一次性密码 one-time password: {account.OneTimePassword}");
        await output.WriteLineAsync("  首次登录后必须修改。只显示这一次。 Must be changed at first sign-in; shown once.");
    }

    private static async Task<int> RefuseAsync(ParseResult result, IReadOnlyList<Error> errors)
    {
        if (result.GetValue(GlobalOptions.Json))
        {
            await result.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(new { errors }, Json));
        }
        else
        {
            foreach (var error in errors)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("拒绝 (refused): " + error.Message);
            }
        }

        return ExitCodes.Refused;
    }
}
