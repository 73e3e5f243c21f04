using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Fonds;

/// <summary>Sets up a fonds (no id) or changes one; the fonds code is fixed once records carry it.</summary>
[Authorize(Policy = Policies.CatalogueWrite)]
public sealed class EditModel(LantaiDbContext db, FondsService fonds) : CataloguePageModel
{
    [BindProperty]
    public FondsForm Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public IReadOnlyList<ArchivalCodeTemplate> Templates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        Templates = await LoadTemplatesAsync(cancellationToken);
        if (id is { } existing)
        {
            var fondsId = new FondsId(existing);
            var found = await db.Fonds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fondsId, cancellationToken);
            if (found is null)
            {
                return NotFound();
            }

            Input = FondsForm.From(found);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        Templates = await LoadTemplatesAsync(cancellationToken);
        var draft = Input.ToDraft();
        if (!draft.Succeeded)
        {
            AddErrors(draft.Errors, typeof(FondsForm));
            return Page();
        }

        var result = id is { } existing
            ? await fonds.UpdateAsync(new FondsId(existing), draft.Value, Actor, cancellationToken)
            : await fonds.CreateAsync(draft.Value, Actor, cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "not-found"))
            {
                return NotFound();
            }

            AddErrors(result.Errors, typeof(FondsForm));
            return Page();
        }

        return Redirect($"/Catalogue/Fonds/{result.Value.Id}");
    }

    private async Task<List<ArchivalCodeTemplate>> LoadTemplatesAsync(CancellationToken cancellationToken) =>
        await db.ArchivalCodeTemplates.AsNoTracking().Where(t => !t.ForVolumes).OrderBy(t => t.Key).ToListAsync(cancellationToken);
}
