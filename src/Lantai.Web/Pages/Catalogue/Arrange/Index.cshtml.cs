using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Arrange;

/// <summary>
/// Renumbering as an explicit step: choose a group, see every old → new archival code, confirm. The confirmation
/// carries the preview's token, so a group changed in between is not renumbered blind.
/// </summary>
[Authorize(Policy = Policies.CatalogueWrite)]
public sealed class IndexModel(LantaiDbContext db, RenumberingService renumbering) : CataloguePageModel
{
    public GroupSelection Selection { get; private set; } = new();

    public IReadOnlyList<Lantai.Catalogue.Fonds> FondsList { get; private set; } = [];

    public IReadOnlyList<ArrangementGroupSummary> Groups { get; private set; } = [];

    public RenumberPreview? Preview { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] GroupSelection selection, CancellationToken cancellationToken)
    {
        Selection = selection ?? new GroupSelection();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromQuery] GroupSelection selection, string? token, CancellationToken cancellationToken)
    {
        Selection = selection ?? new GroupSelection();
        if (Selection.Chosen is not { } group)
        {
            return BadRequest();
        }

        var applied = await renumbering.ApplyAsync(group, Selection.OrderValue, token, Actor, cancellationToken);
        if (!applied.Succeeded)
        {
            Errors = applied.Errors;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect(GroupSelection.Link("/Catalogue/Arrange", group, Selection.OrderValue) + "&applied=" + applied.Value.ChangedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        FondsList = await db.Fonds.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        if (Selection.Chosen is { } group)
        {
            var preview = await renumbering.PreviewAsync(group, Selection.OrderValue, await ClearanceAsync(), cancellationToken);
            if (preview.Succeeded)
            {
                Preview = preview.Value;
            }
            else
            {
                Errors = [.. Errors, .. preview.Errors];
            }
        }
        else if (!string.IsNullOrWhiteSpace(Selection.Fonds))
        {
            Groups = await renumbering.SummarizeAsync(Selection.Fonds.Trim(), Selection.YearValue, cancellationToken);
        }
    }
}
