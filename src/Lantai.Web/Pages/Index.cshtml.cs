using Lantai.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages;

/// <summary>The workbench's start page: the archive's name and its holdings at a glance.</summary>
public sealed class IndexModel(LantaiDbContext db) : PageModel
{
    public string ArchiveName { get; private set; } = "";
    public int FondsCount { get; private set; }
    public int RecordCount { get; private set; }
    public int VolumeCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ArchiveName = (await db.ArchiveProfiles.AsNoTracking().SingleAsync(p => p.Id == 1, cancellationToken)).Name;
        if (User.Identity?.IsAuthenticated == true)
        {
            FondsCount = await db.Fonds.CountAsync(cancellationToken);
            RecordCount = await db.Records.CountAsync(cancellationToken);
            VolumeCount = await db.Volumes.CountAsync(cancellationToken);
        }
    }
}
