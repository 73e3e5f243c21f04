using Lantai.Transfer;
using Lantai.Transfer.Checks;
using Lantai.Transfer.Reports;
using Lantai.Web.Pages.Catalogue;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantai.Web.Pages.Transfer;

/// <summary>
/// One transfer: its state (the page refreshes itself while a check or an ingest runs), the report grouped by property
/// with its counts, the lines filterable by outcome, the items to accept (selected, or all that passed), rejection with
/// a reason, the administrator's deletion of a rejected package's files, and the report as PDF or XML.
/// </summary>
public sealed class DetailModel(TransferQueries queries, TransferService service) : CataloguePageModel
{
    public TransferDetail Detail { get; private set; } = null!;

    public IReadOnlyList<CheckReportTotals> Totals { get; private set; } = [];

    /// <summary>Shown lines: all, or those with this outcome (Passed, Failed, Warning, NotChecked).</summary>
    [BindProperty(SupportsGet = true)]
    public CheckOutcome? Outcome { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public bool CanDeleteFiles { get; private set; }

    public string? Message { get; private set; }

    public IEnumerable<CheckResult> Lines => Outcome is { } o ? Detail.Results.Where(r => r.Outcome == o) : Detail.Results;

    public IReadOnlyDictionary<Guid, TransferItem> ItemsById { get; private set; } = new Dictionary<Guid, TransferItem>();

    public bool CanDecide => CanWrite && Detail.Transfer.State == TransferState.Checked;

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        Message = done switch
        {
            "rejected" => "已退回。",
            "deleted" => "已删除隔离区中的文件。",
            _ => null,
        };
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, List<Guid>? itemIds, bool all, CancellationToken cancellationToken)
    {
        if (!await IsAllowedAsync(Policies.CatalogueWrite))
        {
            return Forbid();
        }

        if (!all && (itemIds is null || itemIds.Count == 0))
        {
            ModelState.AddModelError("", "请勾选要接收的条目，或选择“接收全部通过的条目”");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var accepted = await service.AcceptAsync(id, all ? null : itemIds, Actor, cancellationToken);
        if (!accepted.Succeeded)
        {
            AddErrors(accepted.Errors, GetType(), "");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return Redirect($"/Jobs/{accepted.Value.Id}?next={Uri.EscapeDataString($"/Transfer/{id}")}");
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await IsAllowedAsync(Policies.CatalogueWrite))
        {
            return Forbid();
        }

        var rejected = await service.RejectAsync(id, Reason ?? "", Actor, cancellationToken);
        if (!rejected.Succeeded)
        {
            foreach (var error in rejected.Errors)
            {
                ModelState.AddModelError(error.Field == "reason" ? nameof(Reason) : "", error.Message);
            }

            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return Redirect($"/Transfer/{id}?done=rejected");
    }

    public async Task<IActionResult> OnPostDeleteFilesAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await IsAllowedAsync(Policies.TransferFilesDelete))
        {
            return Forbid();
        }

        var deleted = await service.DeleteFilesAsync(id, Actor, cancellationToken);
        if (!deleted.Succeeded)
        {
            AddErrors(deleted.Errors, GetType(), "");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return Redirect($"/Transfer/{id}?done=deleted");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var detail = await queries.GetAsync(id, cancellationToken);
        if (detail is null)
        {
            return false;
        }

        Detail = detail;
        Totals = CheckReportTotals.Of(detail.Results);
        ItemsById = detail.Items.ToDictionary(i => i.Id);
        CanDeleteFiles = detail.Transfer.State is TransferState.Rejected or TransferState.Refused
            && await IsAllowedAsync(Policies.TransferFilesDelete);
        return true;
    }
}
