using Lantai.Jobs;
using Lantai.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantai.Web.Pages.Jobs;

/// <summary>Shows a job's progress; the page polls /api/v1/jobs/{id} until it finishes.</summary>
[Authorize]
public sealed class DetailModel(JobQueue queue, JobBoard board) : PageModel
{
    public JobView Job { get; private set; } = null!;

    /// <summary>Where to go when the job has succeeded (a local URL given by the page that started it).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Next { get; set; }

    public string KindLabel => Job.Kind switch
    {
        "catalogue.import" => "目录导入",
        "transfer.check" => "四性检测",
        "transfer.ingest" => "接收入库",
        "preservation.fixity" => "固定性检查",
        _ => Job.Kind,
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var job = await queue.GetAsync(id, cancellationToken);
        if (job is null || !JobEndpoints.MaySee(HttpContext, job))
        {
            return NotFound();
        }

        if (Next is not null && !Url.IsLocalUrl(Next))
        {
            Next = null;
        }

        Job = JobView.Of(job, board.Progress(id));
        return Page();
    }
}
