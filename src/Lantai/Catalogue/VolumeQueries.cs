using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>Lists volumes in archival-code order (keyset on the unique code) and reads one volume, within the viewer's clearance.</summary>
public sealed class VolumeQueries(LantaiDbContext db)
{
    public const int MaxPageSize = 500;

    public async Task<VolumePage> PageAsync(VolumeFilter filter, string? afterCode, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var visible = rules.VisibleClassifications(filter.Clearance);
        var query = db.Volumes.AsNoTracking().Where(v => visible.Contains(v.Classification));
        if (!string.IsNullOrWhiteSpace(filter.FondsCode))
        {
            query = query.Where(v => v.FondsCode == filter.FondsCode);
        }

        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
        {
            query = query.Where(v => v.CategoryCode == filter.CategoryCode);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(v => v.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(filter.RetentionCode))
        {
            query = query.Where(v => v.RetentionCode == filter.RetentionCode);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(v => v.Title.Contains(text) || v.ArchivalCode.Contains(text));
        }

        if (!string.IsNullOrEmpty(afterCode))
        {
#pragma warning disable CA1309 // string.Compare is what EF translates to SQL '>'.
            query = query.Where(v => string.Compare(v.ArchivalCode, afterCode) > 0);
#pragma warning restore CA1309
        }

        var rows = await query.OrderBy(v => v.ArchivalCode).Take(pageSize + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = rows[^1].ArchivalCode;
        }

        var ids = rows.Select(v => (VolumeId?)v.Id).ToList();
        var counts = await db.Records.AsNoTracking()
            .Where(r => ids.Contains(r.VolumeId))
            .GroupBy(r => r.VolumeId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key!.Value, g => g.Count, cancellationToken);
        return new VolumePage([.. rows.Select(v => new VolumeSummary(v, counts.GetValueOrDefault(v.Id)))], next);
    }

    public async Task<Volume?> GetAsync(VolumeId id, int clearance, CancellationToken cancellationToken)
    {
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var visible = rules.VisibleClassifications(clearance);
        return await db.Volumes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && visible.Contains(v.Classification), cancellationToken);
    }
}
