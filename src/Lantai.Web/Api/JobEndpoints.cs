using Lantai.Jobs;
using Lantai.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantai.Web.Api;

/// <summary>/api/v1/jobs: the state and progress of background jobs, for the person who started them.</summary>
public static class JobEndpoints
{
    public static RouteGroupBuilder MapJobEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/jobs/{id:guid}", GetAsync).WithName("GetJob").WithSummary("任务状态与进度 (job state and progress)");
        group.MapPost("/jobs/{id:guid}/cancel", CancelAsync).WithName("CancelJob").WithSummary("取消任务 (cancel a job)");
        return group;
    }

    private static async Task<Results<Ok<JobView>, NotFound>> GetAsync(Guid id, HttpContext http, JobQueue queue, JobBoard board, CancellationToken cancellationToken)
    {
        var job = await queue.GetAsync(id, cancellationToken);
        if (job is null || !MaySee(http, job))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(JobView.Of(job, board.Progress(id)));
    }

    private static async Task<Results<NoContent, NotFound>> CancelAsync(Guid id, HttpContext http, JobQueue queue, JobBoard board, CancellationToken cancellationToken)
    {
        var job = await queue.GetAsync(id, cancellationToken);
        if (job is null || !MayOwn(http, job) || !await queue.RequestCancelAsync(id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        board.Cancel(id);
        return TypedResults.NoContent();
    }

    /// <summary>Who started a job sees it; so does the system administrator, who looks after the server.</summary>
    internal static bool MayOwn(HttpContext http, Job job) => string.Equals(http.User.Identity?.Name, job.Actor, StringComparison.Ordinal);

    internal static bool MaySee(HttpContext http, Job job) => MayOwn(http, job) || http.User.IsInRole(LantaiRoles.SystemAdministrator);
}
