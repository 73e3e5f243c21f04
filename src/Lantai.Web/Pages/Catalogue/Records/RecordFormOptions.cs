using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Records;

/// <summary>The choices of the record form: fonds with their org units, and the code lists the viewer may use.</summary>
public sealed record RecordFormOptions(
    IReadOnlyList<Lantai.Catalogue.Fonds> Fonds,
    ILookup<FondsId, OrgUnit> OrgUnits,
    CatalogueRules Rules,
    int Clearance)
{
    public static async Task<RecordFormOptions> LoadAsync(LantaiDbContext db, int clearance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fonds = await db.Fonds.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().OrderBy(o => o.Code).ToListAsync(cancellationToken);
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        return new RecordFormOptions(fonds, units.ToLookup(u => u.FondsId), rules, clearance);
    }

    /// <summary>Classifications at or below the viewer's clearance (nobody files above their own).</summary>
    public IEnumerable<CodeListEntry> Classifications => Rules.Classifications.Values.Where(c => c.Rank <= Clearance).OrderBy(c => c.Rank);
}
