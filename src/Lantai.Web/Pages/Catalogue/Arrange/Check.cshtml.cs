using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Arrange;

/// <summary>Checks numbering: which classes of a fonds have gaps, and in one class the gaps, likely duplicates and codes off the template.</summary>
public sealed class CheckModel(LantaiDbContext db, RenumberingService renumbering) : CataloguePageModel
{
    public GroupSelection Selection { get; private set; } = new();

    public IReadOnlyList<Lantai.Catalogue.Fonds> FondsList { get; private set; } = [];

    public IReadOnlyList<ArrangementGroupSummary> Groups { get; private set; } = [];

    public ArrangementCheck? Result { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] GroupSelection selection, CancellationToken cancellationToken)
    {
        Selection = selection ?? new GroupSelection();
        FondsList = await db.Fonds.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        if (Selection.Chosen is { } group)
        {
            var check = await renumbering.CheckAsync(group, await ClearanceAsync(), cancellationToken);
            if (check.Succeeded)
            {
                Result = check.Value;
            }
            else
            {
                Errors = check.Errors;
            }
        }
        else if (!string.IsNullOrWhiteSpace(Selection.Fonds))
        {
            Groups = await renumbering.SummarizeAsync(Selection.Fonds.Trim(), Selection.YearValue, cancellationToken);
        }
    }
}
