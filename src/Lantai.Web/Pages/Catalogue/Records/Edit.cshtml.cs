using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Web.Api.Catalogue;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantai.Web.Pages.Catalogue.Records;

/// <summary>
/// Edits one record. The version read with the form travels in it: if someone saved the record in between, the save
/// is refused with a message instead of silently overwriting their change.
/// </summary>
[Authorize(Policy = Policies.CatalogueWrite)]
public sealed class EditModel(LantaiDbContext db, RecordQueries queries, RecordService records) : CataloguePageModel, IRecordFormPage
{
    [BindProperty]
    public RecordForm Input { get; set; } = new();

    public RecordFormOptions Options { get; private set; } = null!;

    public bool Editing => true;

    public string? CurrentArchivalCode => Record?.ArchivalCode;

    public Record? Record { get; private set; }

    /// <summary>Set when the save lost a race with another archivist's save.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var clearance = await ClearanceAsync();
        Record = await queries.GetAsync(new RecordId(id), clearance, cancellationToken);
        if (Record is null)
        {
            return NotFound();
        }

        Options = await RecordFormOptions.LoadAsync(db, clearance, cancellationToken);
        Input = RecordForm.From(Record);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var clearance = await ClearanceAsync();
        Record = await queries.GetAsync(new RecordId(id), clearance, cancellationToken);
        if (Record is null)
        {
            return NotFound();
        }

        Options = await RecordFormOptions.LoadAsync(db, clearance, cancellationToken);
        Input.FondsCode = Record.FondsCode;
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

        var result = await records.UpdateAsync(Record.Id, draft.Value, Input.Version, Actor, cancellationToken);
        if (!result.Succeeded)
        {
            Conflict = Input.Version != Record.Version;
            AddErrors(result.Errors, typeof(RecordForm));
            return Page();
        }

        return Redirect($"/Catalogue/Records/{id}?saved=1");
    }
}
