using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Transfer.Checks;

/// <summary>
/// Inserts the seeded rules (<see cref="CheckRules.Defaults"/>) whose codes are missing, at start-up. Existing rows are
/// never touched: an administrator's disabled item, changed parameters or blocking flag survive every upgrade.
/// </summary>
public static class CheckRuleSeeder
{
    /// <summary>Returns the number of rules added.</summary>
    public static async Task<int> EnsureAsync(LantaiDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.CheckRules.AsNoTracking().Select(r => r.Code).ToListAsync(cancellationToken);
        var known = existing.ToHashSet(StringComparer.Ordinal);
        var missing = CheckRules.Defaults.Where(r => !known.Contains(r.Code)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        db.CheckRules.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
