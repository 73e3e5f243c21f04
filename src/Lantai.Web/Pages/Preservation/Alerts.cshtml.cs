using Lantai.Preservation;
using Lantai.Web.Api;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantai.Web.Pages.Preservation;

/// <summary>Fixity alerts: damaged or missing objects found by the audit. Staff who read the catalogue see them; archivists acknowledge them.</summary>
[Authorize(Policy = Policies.CatalogueRead)]
public sealed class AlertsModel(PreservationAlerts alerts, FixityAuditQueue fixity, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<PreservationAlert> Alerts { get; private set; } = [];

    public bool CanWrite { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public Guid? ActiveAuditJob { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanWrite = (await authorization.AuthorizeAsync(User, Policies.CatalogueWrite)).Succeeded;
        Alerts = await alerts.ListAsync(All, cancellationToken);
        ActiveAuditJob = (await fixity.ActiveAsync(cancellationToken))?.Id;
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.CatalogueWrite)).Succeeded)
        {
            return Forbid();
        }

        var result = await alerts.AcknowledgeAsync(id, CatalogueUser.Actor(User), cancellationToken);
        return result.Succeeded ? RedirectToPage() : NotFound();
    }

    public async Task<IActionResult> OnPostAuditAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.CatalogueWrite)).Succeeded)
        {
            return Forbid();
        }

        var (job, _) = await fixity.EnqueueAsync(new FixityAuditRequest(null), CatalogueUser.Actor(User), cancellationToken);
        return job.Actor == CatalogueUser.Actor(User) ? Redirect($"/Jobs/Detail/{job.Id}?next=/Preservation/Alerts") : RedirectToPage();
    }

    public static string OutcomeName(FixityOutcome outcome) => outcome switch
    {
        FixityOutcome.Mismatch => "摘要不一致",
        FixityOutcome.Missing => "文件丢失",
        _ => "完好",
    };
}
