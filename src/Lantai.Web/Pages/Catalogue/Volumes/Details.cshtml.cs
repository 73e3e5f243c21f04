using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Volumes;

/// <summary>One volume with its items in item order; archivists add existing items by their archival code, or file new ones.</summary>
public sealed class DetailsModel(LantaiDbContext db, VolumeQueries volumes, RecordQueries records, VolumeService service) : CataloguePageModel
{
    public Volume Volume { get; private set; } = null!;

    public IReadOnlyList<Record> Items { get; private set; } = [];

    public bool MoreItems { get; private set; }

    [BindProperty]
    public string? ItemCode { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var code = ItemCode?.Trim() ?? "";
        var clearance = await ClearanceAsync();
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var visible = rules.VisibleClassifications(clearance);
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.ArchivalCode == code && visible.Contains(r.Classification), cancellationToken);
        if (record is null)
        {
            ModelState.AddModelError(nameof(ItemCode), $"档号“{code}”的档案不存在");
            return Page();
        }

        var result = await service.AddItemAsync(Volume.Id, record.Id, null, Actor, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(ItemCode), result.Errors[0].Message);
            return Page();
        }

        return Redirect($"/Catalogue/Volumes/{id}?added=1");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid recordId, CancellationToken cancellationToken)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var record = await records.GetAsync(new RecordId(recordId), await ClearanceAsync(), cancellationToken);
        if (record is null || record.VolumeId != new VolumeId(id))
        {
            return NotFound();
        }

        var result = await service.RemoveItemAsync(record.Id, null, Actor, cancellationToken);
        if (!result.Succeeded)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", result.Errors[0].Message);
            return Page();
        }

        return Redirect($"/Catalogue/Volumes/{id}?removed=1");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var clearance = await ClearanceAsync();
        var volume = await volumes.GetAsync(new VolumeId(id), clearance, cancellationToken);
        if (volume is null)
        {
            return false;
        }

        Volume = volume;
        var page = await records.PageAsync(new RecordFilter { VolumeId = volume.Id, Clearance = clearance }, RecordSort.ArchivalCode, false, null, RecordQueries.MaxPageSize, cancellationToken);
        Items = [.. page.Items.OrderBy(r => r.ItemNumber)];
        MoreItems = page.NextCursor is not null;
        return true;
    }
}
