using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Security;

/// <summary>Reads accounts with their roles for the user lists (an archive has tens or hundreds of accounts, not millions).</summary>
public sealed class UserQueries(LantaiDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(string? text, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(u => u.UserName!.Contains(t) || (u.DisplayName != null && u.DisplayName.Contains(t)));
        }

        var list = await query.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await RolesAsync(list.Select(u => u.Id).ToList(), cancellationToken);
        var now = time.GetUtcNow();
        return [.. list.Select(u => Summary(u, roles.TryGetValue(u.Id, out var r) ? r : [], now))];
    }

    public async Task<UserSummary?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesAsync([id], cancellationToken);
        return Summary(user, roles.TryGetValue(id, out var r) ? r : [], time.GetUtcNow());
    }

    private async Task<Dictionary<Guid, List<string>>> RolesAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var pairs = await db.UserRoles.AsNoTracking()
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(
            g => g.Key,
            g => g.Select(p => p.Name!).OrderBy(n => IndexOf(n)).ToList());
    }

    private static int IndexOf(string role)
    {
        var i = LantaiRoles.All.ToList().IndexOf(role);
        return i < 0 ? int.MaxValue : i;
    }

    private static UserSummary Summary(LantaiUser u, IReadOnlyList<string> roles, DateTimeOffset now) => new(
        u.Id, u.UserName ?? "", u.DisplayName, roles, u.Clearance, AccountLockout.IsDisabled(u), AccountLockout.LockedUntil(u, now),
        u.TwoFactorEnabled, u.MustChangePassword, u.CreatedAt);
}
