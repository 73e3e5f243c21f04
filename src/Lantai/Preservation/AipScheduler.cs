using Lantai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lantai.Preservation;

/// <summary>
/// At server start (and every few minutes after), queues the AIP job while AIPs are wanted: records committed by an
/// ingest that stopped before its AIP job ran get their AIPs without anyone asking. Like the JobRunner, it runs only
/// where a host starts hosted services (the web server); the CLI runs the job itself.
/// </summary>
public sealed class AipScheduler(IServiceScopeFactory scopes, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnqueueIfPendingAsync(stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Queues the job when AIPs are wanted and no job is queued or running; returns whether it did.</summary>
    public async Task<bool> EnqueueIfPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
        if (!await db.OutboxMessages.AnyAsync(m => m.Kind == OutboxKinds.AipWanted, cancellationToken)
            || await db.Jobs.AnyAsync(j => j.Kind == AipJob.JobKind && (j.State == Jobs.JobState.Queued || j.State == Jobs.JobState.Running), cancellationToken))
        {
            return false;
        }

        await scope.ServiceProvider.GetRequiredService<AipQueue>().EnqueueAsync(AipQueue.Actor, cancellationToken);
        return true;
    }
}
