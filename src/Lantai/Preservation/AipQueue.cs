using Lantai.Data;
using Lantai.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Preservation;

/// <summary>Asks for the wanted AIPs to be written: enqueues <see cref="AipJob"/> unless one is already queued (then returns that one).</summary>
public sealed class AipQueue(LantaiDbContext db, JobQueue jobs)
{
    public const string Actor = "system:aip";

    public async Task<Job> EnqueueAsync(string actor, CancellationToken cancellationToken)
    {
        var queued = await db.Jobs.AsNoTracking().Where(j => j.Kind == AipJob.JobKind && j.State == JobState.Queued)
            .OrderBy(j => j.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return queued ?? await jobs.EnqueueAsync(AipJob.JobKind, new { }, actor, cancellationToken);
    }
}
