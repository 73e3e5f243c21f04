using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Security;

/// <summary>
/// Security settings of the archive, kept as rows of the code list "setting" (no schema change needed, and they
/// travel with the database). RequireAdmin2fa: the three administrative roles must sign in with two factors.
/// Changed by the security officer; every change is audited.
/// </summary>
public sealed class SecuritySettings(LantaiDbContext db, TimeProvider time)
{
    public const string List = "setting";
    public const string RequireAdminTwoFactorCode = "RequireAdmin2fa";

    public async Task<bool> RequireAdminTwoFactorAsync(CancellationToken cancellationToken)
    {
        var value = await db.CodeListEntries.AsNoTracking()
            .Where(e => e.List == List && e.Code == RequireAdminTwoFactorCode)
            .Select(e => e.Name)
            .FirstOrDefaultAsync(cancellationToken);
        return string.Equals(value, "true", StringComparison.Ordinal);
    }

    public async Task SetRequireAdminTwoFactorAsync(bool required, string actor, CancellationToken cancellationToken)
    {
        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var entry = await db.CodeListEntries.FirstOrDefaultAsync(e => e.List == List && e.Code == RequireAdminTwoFactorCode, cancellationToken);
        var before = string.Equals(entry?.Name, "true", StringComparison.Ordinal);
        if (before == required && entry is not null)
        {
            return;
        }

        if (entry is null)
        {
            entry = new CodeListEntry { List = List, Code = RequireAdminTwoFactorCode, Name = "" };
            db.CodeListEntries.Add(entry);
        }

        entry.Name = required ? "true" : "false";
        tx.Record("setting.update", "Setting", RequireAdminTwoFactorCode,
            required ? "要求管理员启用双因素认证" : "不再要求管理员启用双因素认证",
            new { requireAdmin2fa = before }, new { requireAdmin2fa = required });
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Whether an account holding <paramref name="roles"/> must have two-factor sign-in under the current setting.</summary>
    public static bool TwoFactorRequiredFor(IEnumerable<string> roles, bool requireAdminTwoFactor) =>
        requireAdminTwoFactor && roles.Any(r => LantaiRoles.Separated.Contains(r, StringComparer.Ordinal));
}
