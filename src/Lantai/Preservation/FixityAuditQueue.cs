using Lantai.Data;
using Lantai.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Preservation;

/// <summary>Asks for a fixity audit: enqueues the job unless one is already queued or running (then returns that one).</summary>
public sealed class FixityAuditQueue(LantaiDbContext db, JobQueue jobs)
{
    public async Task<(Job Job, bool Created)> EnqueueAsync(FixityAuditRequest request, string actor, CancellationToken cancellationToken)
    {
        var active = await ActiveAsync(cancellationToken);
        if (active is not null)
        {
            return (active, false);
        }

        return (await jobs.EnqueueAsync(FixityAuditJob.JobKind, request, actor, cancellationToken), true);
    }

    public Task<Job?> ActiveAsync(CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking()
            .Where(j => j.Kind == FixityAuditJob.JobKind && (j.State == JobState.Queued || j.State == JobState.Running))
            .OrderBy(j => j.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>When the last audit was asked for, if ever.</summary>
    public async Task<DateTimeOffset?> LastRequestedAsync(CancellationToken cancellationToken)
    {
        var times = await db.Jobs.AsNoTracking().Where(j => j.Kind == FixityAuditJob.JobKind)
            .Select(j => j.CreatedAt).ToListAsync(cancellationToken);
        return times.Count == 0 ? null : times.Max(); // one job a period: few rows
    }
}
