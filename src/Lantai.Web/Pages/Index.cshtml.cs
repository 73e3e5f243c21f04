using Lantai.Data;
using Lantai.Preservation;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages;

/// <summary>The workbench's start page: the archive's name and its holdings at a glance.</summary>
public sealed class IndexModel(LantaiDbContext db, PreservationAlerts alerts, IAuthorizationService authorization) : PageModel
{
    public string ArchiveName { get; private set; } = "";
    public int FondsCount { get; private set; }
    public int RecordCount { get; private set; }
    public int VolumeCount { get; private set; }

    /// <summary>Unacknowledged fixity alerts, for staff who may see them (0 for everyone else).</summary>
    public int OpenAlertCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ArchiveName = (await db.ArchiveProfiles.AsNoTracking().SingleAsync(p => p.Id == 1, cancellationToken)).Name;
        if (User.Identity?.IsAuthenticated == true)
        {
            FondsCount = await db.Fonds.CountAsync(cancellationToken);
            RecordCount = await db.Records.CountAsync(cancellationToken);
            VolumeCount = await db.Volumes.CountAsync(cancellationToken);
            if ((await authorization.AuthorizeAsync(User, Policies.CatalogueRead)).Succeeded)
            {
                OpenAlertCount = await alerts.CountOpenAsync(cancellationToken);
            }
        }
    }
}
