using Lantai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lantai.Preservation;

/// <summary>
/// Enqueues the fixity audit every <see cref="PreservationOptions.FixityPeriod"/> (counted from the last audit asked
/// for), unless one is queued or running, and only once the store holds something. Runs only where a host starts
/// hosted services (the web server), like the JobRunner that then runs the audit.
/// </summary>
public sealed partial class FixityScheduler(IServiceScopeFactory scopes, TimeProvider time, IOptions<PreservationOptions> options, ILogger<FixityScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromHours(1);

    public const string Actor = "system:fixity";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnqueueIfDueAsync(stoppingToken);
                var period = options.Value.FixityPeriod;
                await Task.Delay(period < CheckInterval ? period : CheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Enqueues the audit if it is due; returns whether it did.</summary>
    public async Task<bool> EnqueueIfDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
        if (!await db.StoredObjects.AnyAsync(cancellationToken))
        {
            return false;
        }

        var queue = scope.ServiceProvider.GetRequiredService<FixityAuditQueue>();
        var last = await queue.LastRequestedAsync(cancellationToken);
        if (last is { } at && at + options.Value.FixityPeriod > time.GetUtcNow())
        {
            return false;
        }

        var (job, created) = await queue.EnqueueAsync(new FixityAuditRequest(null), Actor, cancellationToken);
        if (created)
        {
            LogEnqueued(job.Id);
        }

        return created;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled fixity audit enqueued as job {JobId}")]
    private partial void LogEnqueued(Guid jobId);
}
