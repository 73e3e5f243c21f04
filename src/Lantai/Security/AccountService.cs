using System.Text;
using Lantai.Common;
using Lantai.Data;
using Microsoft.AspNetCore.Identity;

namespace Lantai.Security;

/// <summary>
/// What users do to their own account: change the password, set up, confirm and turn off two-factor sign-in
/// (TOTP, RFC 6238, with Identity's authenticator token provider), renew recovery codes. Each change is audited
/// with the user as actor.
/// </summary>
public sealed class AccountService(LantaiDbContext db, UserManager<LantaiUser> users, SecuritySettings settings, TimeProvider time)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Lantai";

    public async Task<Result<LantaiUser>> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentNullException.ThrowIfNull(newPassword);
        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            return Error.Validation("NewPassword", "新密码不能与原密码相同");
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Error.NotFound("账号");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, user.UserName!, cancellationToken);
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            return Result<LantaiUser>.Fail(SecurityErrors.From(changed, "NewPassword"));
        }

        var wasForced = user.MustChangePassword;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        tx.Record("user.password.change", UserAdministration.EntityType, user.Id.ToString(), $"{user.UserName} 修改了自己的密码",
            new { mustChangePassword = wasForced }, new { mustChangePassword = false });
        await tx.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>The key and URI to show while two-factor sign-in is being set up; creates a key the first time.</summary>
    public async Task<AuthenticatorSetup> GetAuthenticatorSetupAsync(LantaiUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not audited: an unconfirmed key changes nothing about how the account signs in.
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key after reset.");
        }

        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        return new AuthenticatorSetup(key, FormatKey(key), uri);
    }

    /// <summary>Turns two-factor sign-in on once the user proves the app works; returns recovery codes to show once.</summary>
    public async Task<Result<IReadOnlyList<string>>> EnableTwoFactorAsync(LantaiUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var clean = CleanCode(code);
        if (clean.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, LantaiIdentity.AuthenticatorProvider, clean))
        {
            return Error.Validation("Code", "验证码错误，请输入身份验证器应用中显示的6位数字");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, user.UserName!, cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        tx.Record("user.2fa.enable", UserAdministration.EntityType, user.Id.ToString(), $"{user.UserName} 启用了双因素认证",
            new { twoFactorEnabled = false }, new { twoFactorEnabled = true });
        await tx.CommitAsync(cancellationToken);
        return codes;
    }

    /// <summary>Turns two-factor sign-in off; refused while the archive requires it of the user's administrative role.</summary>
    public async Task<Result<LantaiUser>> DisableTwoFactorAsync(LantaiUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (SecuritySettings.TwoFactorRequiredFor(await users.GetRolesAsync(user), await settings.RequireAdminTwoFactorAsync(cancellationToken)))
        {
            return Error.Conflict("本馆要求系统管理员、安全保密员和安全审计员使用双因素认证，不能关闭");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, user.UserName!, cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        tx.Record("user.2fa.disable", UserAdministration.EntityType, user.Id.ToString(), $"{user.UserName} 关闭了双因素认证",
            new { twoFactorEnabled = true }, new { twoFactorEnabled = false });
        await tx.CommitAsync(cancellationToken);
        return user;
    }

    public async Task<Result<IReadOnlyList<string>>> RenewRecoveryCodesAsync(LantaiUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.TwoFactorEnabled)
        {
            return Error.Conflict("尚未启用双因素认证");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, user.UserName!, cancellationToken);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        tx.Record("user.2fa.recovery-codes", UserAdministration.EntityType, user.Id.ToString(), $"{user.UserName} 重新生成了恢复码");
        await tx.CommitAsync(cancellationToken);
        return codes;
    }

    /// <summary>Codes are typed with spaces or hyphens ("123 456"); Identity wants the bare digits.</summary>
    public static string CleanCode(string? code) =>
        code is null ? "" : code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    private static string FormatKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return sb.ToString().ToLowerInvariant();
    }
}
