using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Web.Api.Catalogue;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Records;

/// <summary>Files one record by hand; a volume in the query string (?volume=) makes it an item of that volume.</summary>
[Authorize(Policy = Policies.CatalogueWrite)]
public sealed class CreateModel(LantaiDbContext db, RecordService records) : CataloguePageModel, IRecordFormPage
{
    [BindProperty]
    public RecordForm Input { get; set; } = new();

    public RecordFormOptions Options { get; private set; } = null!;

    public bool Editing => false;

    public string? CurrentArchivalCode => null;

    public Volume? Volume { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? fonds, Guid? volume, CancellationToken cancellationToken)
    {
        Options = await RecordFormOptions.LoadAsync(db, await ClearanceAsync(), cancellationToken);
        Input.FondsCode = fonds ?? (Options.Fonds.Count > 0 ? Options.Fonds[0].Code : null);
        Input.RetentionCode = Options.Rules.Retentions.Values.OrderBy(r => r.Rank).Select(r => r.Code).FirstOrDefault();
        if (volume is { } volumeId && !await UseVolumeAsync(volumeId, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var clearance = await ClearanceAsync();
        Options = await RecordFormOptions.LoadAsync(db, clearance, cancellationToken);
        if (Input.VolumeId is { } volumeId && !await UseVolumeAsync(volumeId, cancellationToken))
        {
            return NotFound();
        }

        var draft = Input.ToDraft();
        if (!draft.Succeeded)
        {
            AddErrors(draft.Errors, typeof(RecordForm));
            return Page();
        }

        if (ClassificationGuard.Check(Options.Rules, draft.Value.Classification, clearance) is { } tooHigh)
        {
            AddErrors([tooHigh], typeof(RecordForm));
            return Page();
        }

        var result = await records.CreateAsync(draft.Value, Actor, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, typeof(RecordForm));
            return Page();
        }

        return Redirect($"/Catalogue/Records/{result.Value.Id}?created=1");
    }

    /// <summary>An item of a volume takes the volume's class; the form shows them fixed.</summary>
    private async Task<bool> UseVolumeAsync(Guid volumeId, CancellationToken cancellationToken)
    {
        var id = new VolumeId(volumeId);
        var rules = Options.Rules;
        var clearance = Options.Clearance;
        var visible = rules.VisibleClassifications(clearance);
        Volume = await db.Volumes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && visible.Contains(v.Classification), cancellationToken);
        if (Volume is null)
        {
            return false;
        }

        Input.VolumeId = volumeId;
        Input.FondsCode = Volume.FondsCode;
        Input.CategoryCode = Volume.CategoryCode;
        Input.Year = Volume.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Input.RetentionCode = Volume.RetentionCode;
        Input.OrgUnitCode = Volume.OrgUnitCode;
        return true;
    }
}
