using Lantai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lantai.Jobs;

/// <summary>
/// Runs queued jobs one at a time (a 2-core archive server gains nothing from running imports side by side). A job
/// left Running by a crash or a stop is queued again at start-up: handlers are all-or-nothing or resume from a cursor.
/// </summary>
public sealed partial class JobRunner(IServiceScopeFactory scopes, TimeProvider time, JobSignal signal, JobBoard board, ILogger<JobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueInterruptedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(stoppingToken))
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async Task RequeueInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
        var requeued = await db.Jobs.Where(j => j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued).SetProperty(j => j.Message, "上次运行被中断，已重新排队"), cancellationToken);
        if (requeued > 0)
        {
            LogRequeued(requeued);
        }
    }

    /// <summary>Runs the oldest queued job, if any; returns false when the queue was empty.</summary>
    public async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        Job? job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
            job = await db.Jobs.AsNoTracking().Where(j => j.State == JobState.Queued).OrderBy(j => j.CreatedAt).FirstOrDefaultAsync(stoppingToken);
            if (job is null)
            {
                return false;
            }

            var now = time.GetUtcNow();
            var claimed = await db.Jobs.Where(j => j.Id == job.Id && j.State == JobState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.StartedAt, now)
                    .SetProperty(j => j.UpdatedAt, now).SetProperty(j => j.Attempts, j => j.Attempts + 1), stoppingToken);
            if (claimed == 0)
            {
                return true;
            }
        }

        await RunAsync(job, null, stoppingToken);
        return true;
    }

    /// <summary>
    /// Runs one queued job now, on the caller's thread, as the CLI does (it has no background runner); progress goes to
    /// <paramref name="observer"/> as well as to the board. Returns the job as it ended, or null when it was not queued
    /// (another runner took it, or it finished already).
    /// </summary>
    public async Task<Job?> RunNowAsync(Guid jobId, IProgress<JobProgress>? observer, CancellationToken cancellationToken)
    {
        Job? job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
            var now = time.GetUtcNow();
            var claimed = await db.Jobs.Where(j => j.Id == jobId && j.State == JobState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.StartedAt, now)
                    .SetProperty(j => j.UpdatedAt, now).SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
            job = claimed == 0 ? null : await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        }

        if (job is null)
        {
            return null;
        }

        await RunAsync(job, observer, cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            return await scope.ServiceProvider.GetRequiredService<LantaiDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        }
    }

    private async Task RunAsync(Job job, IProgress<JobProgress>? observer, CancellationToken stoppingToken)
    {
        var token = board.Register(job.Id, stoppingToken);
        var progress = new Progress(board, job.Id, observer);
        JobState state;
        string? result = null;
        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind)
                ?? throw new JobFailedException($"未知的任务类型“{job.Kind}”");
            LogStarted(job.Id, job.Kind);
            result = await handler.RunAsync(job, progress, token);
            state = JobState.Succeeded;
        }
        catch (JobFailedException e)
        {
            state = JobState.Failed;
            error = e.Message;
            result = e.Details;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping: leave the job to be queued again at the next start.
            board.Remove(job.Id);
            return;
        }
        catch (OperationCanceledException)
        {
            state = JobState.Cancelled;
            error = "任务已取消";
        }
#pragma warning disable CA1031 // A failing job must not stop the runner; the failure is recorded on the job and logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(e, job.Id, job.Kind);
            state = JobState.Failed;
            error = "任务运行出错：" + e.Message;
        }

        var last = board.Progress(job.Id);
        board.Remove(job.Id);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
            var now = time.GetUtcNow();
            await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, state)
                .SetProperty(j => j.Output, result)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.Done, last != null ? last.Done : 0)
                .SetProperty(j => j.Total, last != null ? last.Total : null)
                .SetProperty(j => j.Message, last != null ? last.Message : null)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.UpdatedAt, now), CancellationToken.None);
        }

        LogFinished(job.Id, job.Kind, state);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Requeued {Count} interrupted job(s)")]
    private partial void LogRequeued(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) started")]
    private partial void LogStarted(Guid jobId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) finished: {State}")]
    private partial void LogFinished(Guid jobId, string kind, JobState state);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) failed unexpectedly")]
    private partial void LogFailed(Exception exception, Guid jobId, string kind);

    private sealed class Progress(JobBoard board, Guid jobId, IProgress<JobProgress>? observer) : IProgress<JobProgress>
    {
        public void Report(JobProgress value)
        {
            board.Report(jobId, value);
            observer?.Report(value);
        }
    }
}
