namespace Lantai.Security;

/// <summary>
/// A disabled account is kept (its name stays in the audit log) and locked out until the end of time; a lockout after
/// wrong passwords ends after minutes. Both live in Identity's LockoutEnd, told apart by this far-off date, which
/// SQLite and PostgreSQL both store exactly.
/// </summary>
public static class AccountLockout
{
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(LantaiUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.LockoutEnd is { } end && end >= DisabledUntil;
    }

    /// <summary>The end of a lockout for wrong passwords still running at <paramref name="now"/>; null when none.</summary>
    public static DateTimeOffset? LockedUntil(LantaiUser user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !IsDisabled(user) && user.LockoutEnd is { } end && end > now ? end : null;
    }
}
