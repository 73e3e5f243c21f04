using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>Item numbering inside the lowest class (DA/T 22-2015: from 1, without gaps).</summary>
public static class Arrangement
{
    public static async Task<int> NextItemNumberAsync(LantaiDbContext db, string groupKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var max = await db.Records.Where(r => r.GroupKey == groupKey).MaxAsync(r => (int?)r.ItemNumber, cancellationToken);
        return (max ?? 0) + 1;
    }
}
