using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Fonds;

/// <summary>All fonds with their years, code template and number of records.</summary>
public sealed class IndexModel(LantaiDbContext db) : CataloguePageModel
{
    public IReadOnlyList<Lantai.Catalogue.Fonds> Items { get; private set; } = [];

    public IReadOnlyDictionary<FondsId, int> Counts { get; private set; } = new Dictionary<FondsId, int>();

    public IReadOnlyDictionary<string, ArchivalCodeTemplate> Templates { get; private set; } = new Dictionary<string, ArchivalCodeTemplate>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await db.Fonds.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        // One pass over the (fonds, year, code) index; a count per fonds is what the list is for.
        Counts = await db.Records.AsNoTracking().GroupBy(r => r.FondsId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Templates = await db.ArchivalCodeTemplates.AsNoTracking().ToDictionaryAsync(t => t.Key, cancellationToken);
    }
}
