using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Fonds;

/// <summary>One fonds with its org units: archivists add units and rename them (codes stay, codes are in 档号).</summary>
public sealed class DetailsModel(LantaiDbContext db, FondsService fonds, OrgUnitService orgUnits) : CataloguePageModel
{
    public Lantai.Catalogue.Fonds Fonds { get; private set; } = null!;

    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];

    public int RecordCount { get; private set; }

    public int VolumeCount { get; private set; }

    [BindProperty]
    public string? NewCode { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var result = await fonds.AddOrgUnitAsync(new FondsId(id), NewCode ?? "", NewName ?? "", Actor, cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "not-found"))
            {
                return NotFound();
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field == nameof(OrgUnit.Code) ? nameof(NewCode) : "", error.Message);
            }

            await LoadAsync(id, cancellationToken);
            return Page();
        }

        return Redirect($"/Catalogue/Fonds/{id}?added=1");
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, Guid unitId, string? name, CancellationToken cancellationToken)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        var result = await orgUnits.RenameAsync(unitId, name ?? "", Actor, cancellationToken);
        if (!result.Succeeded)
        {
            await LoadAsync(id, cancellationToken);
            Message = result.Errors[0].Message;
            return Page();
        }

        return Redirect($"/Catalogue/Fonds/{id}?renamed=1");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var fondsId = new FondsId(id);
        var found = await db.Fonds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fondsId, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Fonds = found;
        Units = await db.OrgUnits.AsNoTracking().Where(o => o.FondsId == fondsId).OrderBy(o => o.Code).ToListAsync(cancellationToken);
        RecordCount = await db.Records.CountAsync(r => r.FondsId == fondsId, cancellationToken);
        VolumeCount = await db.Volumes.CountAsync(v => v.FondsId == fondsId, cancellationToken);
        return true;
    }
}
