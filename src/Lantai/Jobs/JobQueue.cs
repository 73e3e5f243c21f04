using System.Text.Json;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Jobs;

/// <summary>Enqueues jobs and reads their state; the <see cref="JobRunner"/> picks them up.</summary>
public sealed class JobQueue(LantaiDbContext db, TimeProvider time, JobSignal signal)
{
    public async Task<Job> EnqueueAsync<TPayload>(string kind, TPayload payload, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var job = new Job
        {
            Kind = kind,
            Actor = actor,
            Payload = JsonSerializer.Serialize(payload, JobJson.Options),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return job;
    }

    public Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);

    public async Task<bool> RequestCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        var changed = await db.Jobs.Where(j => j.Id == id && (j.State == JobState.Queued || j.State == JobState.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), cancellationToken);
        return changed > 0;
    }
}
