using Lantai.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Security;

/// <summary>
/// First start: seeds the roles and, while the archive has no account at all, creates the three separated
/// administrative accounts (三员分立) — and in demo mode an archivist and a reviewer — each with a one-time password
/// that the caller prints to the console (never to the log).
/// </summary>
public static class AccountBootstrap
{
    /// <summary>The accounts of a new archive: user name, role, clearance, display name.</summary>
    private static readonly (string UserName, string Role, int Clearance)[] Administrators =
    [
        ("admin", LantaiRoles.SystemAdministrator, 0),
        ("secofficer", LantaiRoles.SecurityOfficer, 0),
        ("auditor", LantaiRoles.SecurityAuditor, 0),
    ];

    private static readonly (string UserName, string Role, int Clearance)[] DemoStaff =
    [
        ("archivist", LantaiRoles.Archivist, 2),
        ("reviewer", LantaiRoles.Reviewer, 2),
    ];

    /// <summary>Creates every role of <see cref="LantaiRoles.All"/> that is missing; safe to run at every start.</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in LantaiRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var created = await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Common.Ids.New() });
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Role {role} could not be created: {string.Join("; ", created.Errors.Select(e => e.Code))}");
                }
            }
        }
    }

    /// <summary>Seeds roles; when no account exists yet, creates the first accounts and returns them with their passwords.</summary>
    public static async Task<IReadOnlyList<BootstrapAccount>> EnsureAccountsAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
        var db = services.GetRequiredService<LantaiDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return [];
        }

        var administration = services.GetRequiredService<UserAdministration>();
        var created = new List<BootstrapAccount>();
        foreach (var (userName, role, clearance) in demo ? [.. Administrators, .. DemoStaff] : Administrators)
        {
            var account = await administration.CreateAsync(
                new NewAccount { UserName = userName, DisplayName = LantaiRoles.DisplayName(role), Roles = [role], Clearance = clearance },
                LantaiIdentity.SystemActor, cancellationToken);
            created.Add(new BootstrapAccount(userName, role, account.Value.OneTimePassword));
        }

        return created;
    }

    /// <summary>The block printed on the console at first start, in Chinese and English.</summary>
    public static void Print(IReadOnlyList<BootstrapAccount> accounts, string loginUrl, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(output);
        if (accounts.Count == 0)
        {
            return;
        }

        var rule = new string('=', 78);
        output.WriteLine(rule);
        output.WriteLine(" 兰台首次启动：已创建以下账号。密码为一次性密码，首次登录后必须修改。");
        output.WriteLine(" Lantai first start: these accounts were created. The passwords are one-time");
        output.WriteLine(" passwords and must be changed at the first sign-in.");
        output.WriteLine();
        output.WriteLine($" 登录: {loginUrl}");
        output.WriteLine($" Sign in: {loginUrl}");
        output.WriteLine();
        foreach (var account in accounts)
        {
            output.WriteLine($"   {account.UserName,-12}{PadColumns(LantaiRoles.DisplayName(account.Role), 12)}{EnglishName(account.Role),-22}密码 password: {account.OneTimePassword}");
        }

        output.WriteLine();
        output.WriteLine(" 三员分立：系统管理员、安全保密员、安全审计员三个账号应交给三个不同的人。");
        output.WriteLine(" Separation of duties: give the three administrative accounts to three different people.");
        output.WriteLine(" 本信息只显示这一次，不写入日志。 This is shown once and is not written to the log.");
        output.WriteLine(rule);
        output.Flush();
    }

    /// <summary>Pads to a width in terminal columns: a Chinese character takes two.</summary>
    private static string PadColumns(string text, int columns)
    {
        var used = text.Sum(c => c >= '\u2E80' ? 2 : 1);
        return text + new string(' ', Math.Max(1, columns - used));
    }

    private static string EnglishName(string role) => role switch
    {
        LantaiRoles.SystemAdministrator => "system administrator",
        LantaiRoles.SecurityOfficer => "security officer",
        LantaiRoles.SecurityAuditor => "security auditor",
        LantaiRoles.Archivist => "archivist",
        LantaiRoles.Reviewer => "reviewer",
        LantaiRoles.Patron => "patron",
        _ => role,
    };
}
