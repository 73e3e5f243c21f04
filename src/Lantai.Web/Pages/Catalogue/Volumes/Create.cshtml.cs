using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Web.Api.Catalogue;
using Lantai.Web.Pages.Catalogue.Records;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantai.Web.Pages.Catalogue.Volumes;

/// <summary>Sets up a volume; its number is the next in its class unless given, its code comes from the volume template.</summary>
[Authorize(Policy = Policies.CatalogueWrite)]
public sealed class CreateModel(LantaiDbContext db, VolumeService volumes) : CataloguePageModel
{
    [BindProperty]
    public VolumeForm Input { get; set; } = new();

    public RecordFormOptions Options { get; private set; } = null!;

    public async Task OnGetAsync(string? fonds, CancellationToken cancellationToken)
    {
        Options = await RecordFormOptions.LoadAsync(db, await ClearanceAsync(), cancellationToken);
        Input.FondsCode = fonds ?? (Options.Fonds.Count > 0 ? Options.Fonds[0].Code : null);
        Input.RetentionCode = Options.Rules.Retentions.Values.OrderBy(r => r.Rank).Select(r => r.Code).FirstOrDefault();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var clearance = await ClearanceAsync();
        Options = await RecordFormOptions.LoadAsync(db, clearance, cancellationToken);
        var draft = Input.ToDraft();
        if (!draft.Succeeded)
        {
            AddErrors(draft.Errors, typeof(VolumeForm));
            return Page();
        }

        if (ClassificationGuard.Check(Options.Rules, draft.Value.Classification, clearance) is { } tooHigh)
        {
            AddErrors([tooHigh], typeof(VolumeForm));
            return Page();
        }

        var result = await volumes.CreateAsync(draft.Value, Actor, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, typeof(VolumeForm));
            return Page();
        }

        return Redirect($"/Catalogue/Volumes/{result.Value.Id}?created=1");
    }
}
