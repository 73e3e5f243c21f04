using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Security;

/// <summary>
/// The account use cases of the administrators (三员分立): the system administrator creates, disables and unlocks
/// accounts and resets passwords; the security officer grants roles and clearances and resets two-factor sign-in.
/// Which role may call which method is decided by the host's policies; the separation of duties itself, the
/// refusal to act on one's own account and the last-holder rule are enforced here, so no host can skip them.
/// Every change commits together with its audit entry: UserManager saves through the same scoped context, inside
/// the <see cref="AuditedTransaction"/> begun on it.
/// </summary>
public sealed class UserAdministration(LantaiDbContext db, UserManager<LantaiUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider time)
{
    public const string EntityType = "User";

    public async Task<Result<CreatedAccount>> CreateAsync(NewAccount account, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var userName = TextNormalizer.Clean(account.UserName) ?? "";
        var wanted = account.Roles.Distinct(StringComparer.Ordinal).ToList();
        var errors = new List<Error>();
        if (userName.Length == 0)
        {
            errors.Add(Error.Validation("UserName", "用户名不能为空"));
        }
        else if (string.Equals(userName, LantaiIdentity.SystemActor, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error.Validation("UserName", $"用户名“{userName}”为系统保留"));
        }

        errors.AddRange(ValidateRoles(wanted));
        errors.AddRange(await ValidateClearanceAsync(account.Clearance, cancellationToken));
        if (errors.Count > 0)
        {
            return Result<CreatedAccount>.Fail(errors);
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var user = new LantaiUser
        {
            UserName = userName,
            DisplayName = TextNormalizer.Clean(account.DisplayName) ?? userName,
            Clearance = account.Clearance,
            MustChangePassword = true,
            CreatedAt = time.GetUtcNow(),
        };
        var password = OneTimePassword.Generate();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Result<CreatedAccount>.Fail(SecurityErrors.From(created));
        }

        if (wanted.Count > 0)
        {
            await AccountBootstrap.EnsureRolesAsync(roles);
            var added = await users.AddToRolesAsync(user, wanted);
            if (!added.Succeeded)
            {
                return Result<CreatedAccount>.Fail(SecurityErrors.From(added));
            }
        }

        var roleText = wanted.Count == 0 ? "" : $"（{string.Join("、", wanted.Select(LantaiRoles.DisplayName))}）";
        tx.Record("user.create", EntityType, Id(user), $"创建账号 {userName}{roleText}", after: Snapshot(user, wanted));
        await tx.CommitAsync(cancellationToken);
        return new CreatedAccount(user, wanted, password);
    }

    /// <summary>Disables (keeps the account, refuses sign-in, ends its sessions) or enables an account.</summary>
    public async Task<Result<LantaiUser>> SetDisabledAsync(Guid userId, bool disabled, string actor, CancellationToken cancellationToken)
    {
        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var user = await users.FindByIdAsync(Id(userId));
        if (user is null)
        {
            return Error.NotFound("账号");
        }

        if (IsSelf(user, actor))
        {
            return new Error(SecurityErrors.OwnAccount, "不能停用或启用自己的账号");
        }

        if (AccountLockout.IsDisabled(user) == disabled)
        {
            return user;
        }

        var held = await users.GetRolesAsync(user);
        var before = Snapshot(user, held);
        if (disabled)
        {
            foreach (var role in held.Where(r => LantaiRoles.Separated.Contains(r, StringComparer.Ordinal)))
            {
                if (await IsLastEnabledHolderAsync(user, role, cancellationToken))
                {
                    return Error.Conflict($"{user.UserName}是唯一启用的{LantaiRoles.DisplayName(role)}，不能停用（至少需要保留一个）");
                }
            }

            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, AccountLockout.DisabledUntil);
            // A new security stamp ends the account's open sessions at their next validation.
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        tx.Record(disabled ? "user.disable" : "user.enable", EntityType, Id(user),
            $"{(disabled ? "停用" : "启用")}账号 {user.UserName}", before, Snapshot(user, held));
        await tx.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>Ends a lockout caused by wrong passwords.</summary>
    public async Task<Result<LantaiUser>> UnlockAsync(Guid userId, string actor, CancellationToken cancellationToken)
    {
        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var user = await users.FindByIdAsync(Id(userId));
        if (user is null)
        {
            return Error.NotFound("账号");
        }

        if (AccountLockout.IsDisabled(user))
        {
            return Error.Conflict("账号已停用，请先启用");
        }

        var lockedUntil = user.LockoutEnd;
        var failures = user.AccessFailedCount;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        tx.Record("user.unlock", EntityType, Id(user), $"解除账号 {user.UserName} 的锁定",
            new { lockoutEnd = lockedUntil, accessFailedCount = failures }, new { lockoutEnd = (DateTimeOffset?)null, accessFailedCount = 0 });
        await tx.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>Replaces the password with a one-time password that must be changed at the next sign-in; also ends a lockout.</summary>
    public async Task<Result<CreatedAccount>> ResetPasswordAsync(Guid userId, string actor, CancellationToken cancellationToken)
    {
        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var user = await users.FindByIdAsync(Id(userId));
        if (user is null)
        {
            return Error.NotFound("账号");
        }

        if (IsSelf(user, actor))
        {
            return new Error(SecurityErrors.OwnAccount, "请在“我的账号”中修改自己的密码");
        }

        var password = OneTimePassword.Generate();
        var removed = await users.RemovePasswordAsync(user);
        var added = removed.Succeeded ? await users.AddPasswordAsync(user, password) : removed;
        if (!added.Succeeded)
        {
            return Result<CreatedAccount>.Fail(SecurityErrors.From(added));
        }

        user.MustChangePassword = true;
        if (!AccountLockout.IsDisabled(user))
        {
            user.LockoutEnd = null;
        }

        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        tx.Record("user.password.reset", EntityType, Id(user), $"重置账号 {user.UserName} 的密码（一次性密码）",
            new { mustChangePassword = false }, new { mustChangePassword = true });
        await tx.CommitAsync(cancellationToken);
        return new CreatedAccount(user, [.. await users.GetRolesAsync(user)], password);
    }

    /// <summary>
    /// Sets an account's roles and clearance (the security officer's work). Refuses 三员分立 violations, changes to one's
    /// own account, and removing the last enabled holder of an administrative role. One audit entry per role granted or
    /// revoked and one for the clearance, so each can be found by its action.
    /// </summary>
    public async Task<Result<LantaiUser>> SetAccessAsync(Guid userId, IReadOnlyCollection<string> wantedRoles, int clearance, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wantedRoles);
        var wanted = wantedRoles.Distinct(StringComparer.Ordinal).ToList();
        var errors = new List<Error>(ValidateRoles(wanted));
        errors.AddRange(await ValidateClearanceAsync(clearance, cancellationToken));
        if (errors.Count > 0)
        {
            return Result<LantaiUser>.Fail(errors);
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var user = await users.FindByIdAsync(Id(userId));
        if (user is null)
        {
            return Error.NotFound("账号");
        }

        if (IsSelf(user, actor))
        {
            return new Error(SecurityErrors.OwnAccount, "不能修改自己的角色和密级（须由另一名安全保密员办理）", "Roles");
        }

        var held = (await users.GetRolesAsync(user)).ToList();
        var grant = wanted.Except(held, StringComparer.Ordinal).ToList();
        var revoke = held.Except(wanted, StringComparer.Ordinal).ToList();
        foreach (var role in revoke.Where(r => LantaiRoles.Separated.Contains(r, StringComparer.Ordinal)))
        {
            if (!AccountLockout.IsDisabled(user) && await IsLastEnabledHolderAsync(user, role, cancellationToken))
            {
                return Error.Validation("Roles", $"{user.UserName}是唯一启用的{LantaiRoles.DisplayName(role)}，不能撤销（至少需要保留一个）");
            }
        }

        if (grant.Count > 0)
        {
            await AccountBootstrap.EnsureRolesAsync(roles);
        }

        var current = held.ToList();
        foreach (var role in revoke)
        {
            var before = Snapshot(user, current);
            var removed = await users.RemoveFromRoleAsync(user, role);
            if (!removed.Succeeded)
            {
                return Result<LantaiUser>.Fail(SecurityErrors.From(removed));
            }

            current.Remove(role);
            tx.Record("user.role.revoke", EntityType, Id(user), $"撤销 {user.UserName} 的{LantaiRoles.DisplayName(role)}角色", before, Snapshot(user, current));
        }

        foreach (var role in grant)
        {
            var before = Snapshot(user, current);
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                return Result<LantaiUser>.Fail(SecurityErrors.From(added));
            }

            current.Add(role);
            tx.Record("user.role.grant", EntityType, Id(user), $"授予 {user.UserName} {LantaiRoles.DisplayName(role)}角色", before, Snapshot(user, current));
        }

        if (user.Clearance != clearance)
        {
            var before = Snapshot(user, current);
            var from = user.Clearance;
            user.Clearance = clearance;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return Result<LantaiUser>.Fail(SecurityErrors.From(updated));
            }

            tx.Record("user.clearance", EntityType, Id(user),
                string.Create(CultureInfo.InvariantCulture, $"将 {user.UserName} 的密级权限由 {from} 级改为 {clearance} 级"), before, Snapshot(user, current));
        }

        await tx.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>Turns two-factor sign-in off and discards the authenticator key, for a user who lost their device.</summary>
    public async Task<Result<LantaiUser>> ResetTwoFactorAsync(Guid userId, string actor, CancellationToken cancellationToken)
    {
        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var user = await users.FindByIdAsync(Id(userId));
        if (user is null)
        {
            return Error.NotFound("账号");
        }

        if (IsSelf(user, actor))
        {
            return new Error(SecurityErrors.OwnAccount, "请在“我的账号”中管理自己的双因素认证");
        }

        var wasEnabled = user.TwoFactorEnabled;
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key makes the old authenticator app useless; the user sets up a new one at the next enable.
        await users.ResetAuthenticatorKeyAsync(user);
        tx.Record("user.2fa.reset", EntityType, Id(user), $"重置账号 {user.UserName} 的双因素认证",
            new { twoFactorEnabled = wasEnabled }, new { twoFactorEnabled = false });
        await tx.CommitAsync(cancellationToken);
        return user;
    }

    private static IEnumerable<Error> ValidateRoles(IReadOnlyCollection<string> wanted)
    {
        var unknown = wanted.Where(r => !LantaiRoles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            yield return Error.Validation("Roles", $"角色“{string.Join("、", unknown)}”不存在");
        }

        if (LantaiRoles.SeparationViolation(wanted) is { } violation)
        {
            yield return SecurityErrors.SeparationOfDuties(violation);
        }
    }

    private async Task<IReadOnlyList<Error>> ValidateClearanceAsync(int clearance, CancellationToken cancellationToken)
    {
        if (clearance == 0 || await db.CodeListEntries.AnyAsync(e => e.List == CodeLists.Classification && e.Rank == clearance, cancellationToken))
        {
            return [];
        }

        return [Error.Validation("Clearance", string.Create(CultureInfo.InvariantCulture, $"密级权限 {clearance} 不在密级代码表中"))];
    }

    private async Task<bool> IsLastEnabledHolderAsync(LantaiUser user, string role, CancellationToken cancellationToken)
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        // LockoutEnd is compared in memory: SQLite cannot compare DateTimeOffset in SQL, and holders are few.
        var others = await db.UserRoles.Where(ur => ur.RoleId == roleId && ur.UserId != user.Id)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => u.LockoutEnd)
            .ToListAsync(cancellationToken);
        return !others.Any(end => end is null || end < AccountLockout.DisabledUntil);
    }

    private static bool IsSelf(LantaiUser user, string actor) => string.Equals(user.UserName, actor, StringComparison.OrdinalIgnoreCase);

    private static string Id(LantaiUser user) => user.Id.ToString();

    private static string Id(Guid id) => id.ToString();

    internal static object Snapshot(LantaiUser user, IEnumerable<string> roles) => new
    {
        userName = user.UserName,
        displayName = user.DisplayName,
        roles = roles.Order(StringComparer.Ordinal).ToArray(),
        clearance = user.Clearance,
        disabled = AccountLockout.IsDisabled(user),
        twoFactorEnabled = user.TwoFactorEnabled,
    };
}
