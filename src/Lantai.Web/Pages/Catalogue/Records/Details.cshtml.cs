using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Records;

/// <summary>One record with all its fields and its history (who changed what, when) from the audit log.</summary>
public sealed class DetailsModel(LantaiDbContext db, RecordQueries queries, RecordHistory history) : CataloguePageModel
{
    public Record Record { get; private set; } = null!;

    public Lantai.Catalogue.Fonds? Fonds { get; private set; }

    public Volume? Volume { get; private set; }

    public CatalogueRules Rules { get; private set; } = CatalogueRules.Default;

    public IReadOnlyList<RecordHistoryEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await queries.GetAsync(new RecordId(id), await ClearanceAsync(), cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        Rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        Fonds = await db.Fonds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == record.FondsId, cancellationToken);
        if (record.VolumeId is { } volumeId)
        {
            Volume = await db.Volumes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volumeId, cancellationToken);
        }

        History = await history.ForRecordAsync(record.Id, cancellationToken);
        return Page();
    }

    public string Name(IReadOnlyDictionary<string, CodeListEntry> list, string? code) =>
        code is not null && list.TryGetValue(code, out var e) ? e.Name : code ?? "";
}
