using System.Text.Json;
using Lantai.Jobs;
using Lantai.Preservation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lantai.Transfer;

/// <summary>
/// Stores a transfer's accepted items as a durable job; after a crash it resumes with the items not yet stored. An AIP
/// keeper runs beside the ingest, on its own database connection: it writes the AIPs of each committed batch while the
/// next batches are ingested (the ingest of small files keeps about one core busy, the keeper uses the other), and the
/// job ends when the last AIP is durable. AIPs still wanted then (the keeper failed, or another keeper held the lock)
/// are left to the AIP job (preservation.aip), queued here; the output says how many.
/// </summary>
public sealed partial class TransferIngestJob(TransferIngester ingester, AipKeeper aips, AipQueue aipQueue, IServiceScopeFactory scopes, ILogger<TransferIngestJob> logger) : IJobHandler
{
    public string Kind => TransferService.IngestJobKind;

    public async Task<string?> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var payload = JsonSerializer.Deserialize<TransferIngestJobPayload>(job.Payload, JobJson.Options)
            ?? throw new JobFailedException("任务参数无效");
        var reporter = new Reporter(progress);
        var feed = new AipFeed();
        var keeping = Task.Run(() => KeepAsync(feed, reporter, cancellationToken), CancellationToken.None);
        TransferPackage transfer;
        try
        {
            transfer = await ingester.RunAsync(payload.TransferId, job.Actor, reporter.Ingest, feed, cancellationToken);
        }
        finally
        {
            // Failed or not, the records committed so far get their AIPs (unless the job was cancelled: then the
            // keeper stops too, and they stay wanted).
            feed.End();
            reporter.IngestEnded();
            await ((Task)keeping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var written = keeping.IsCompletedSuccessfully ? await keeping : null;
        var pending = await aips.PendingAsync(cancellationToken);
        if (pending > 0)
        {
            await aipQueue.EnqueueAsync(job.Actor, cancellationToken);
        }

        return JsonSerializer.Serialize(new { transferId = transfer.Id, state = transfer.State.ToString(), aipsWritten = written, aipsPending = pending }, JobJson.Options);
    }

    /// <summary>The keeper beside the ingest; null when another keeper holds the lock or this one failed (logged).</summary>
    private async Task<int?> KeepAsync(AipFeed feed, Reporter reporter, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AipKeeper>().CatchUpAsync(reporter.Aips, feed, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The AIPs are derivatives: a failing keeper must not fail the ingest; the AIP job retries them.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogKeeperFailed(e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The AIP keeper beside the ingest failed; the AIP job will write the AIPs still wanted")]
    private partial void LogKeeperFailed(Exception exception);

    /// <summary>
    /// One progress for the job from the two: the ingest's count, with the AIPs written so far in the message. While the
    /// ingest runs only its reports go out (after each commit, from its own flow); the keeper's once it has ended.
    /// </summary>
    private sealed class Reporter(IProgress<JobProgress> outer)
    {
        private readonly Lock _gate = new();
        private long _done;
        private long? _total;
        private long _aips;
        private bool _ingestEnded;

        public IProgress<JobProgress> Ingest => new Relay(p =>
        {
            lock (_gate)
            {
                (_done, _total) = (p.Done, p.Total);
                return Value();
            }
        }, outer);

        public IProgress<JobProgress> Aips => new Relay(p =>
        {
            lock (_gate)
            {
                _aips = p.Done;
                return _ingestEnded ? Value() : null;
            }
        }, outer);

        public void IngestEnded()
        {
            lock (_gate)
            {
                _ingestEnded = true;
            }
        }

        private JobProgress Value() => new(_done, _total, _ingestEnded
            ? $"已入库 {_done:N0} 件，已写入 AIP {_aips:N0} 件"
            : $"已入库 {_done:N0} / {_total ?? 0:N0} 件，已写入 AIP {_aips:N0} 件");

        private sealed class Relay(Func<JobProgress, JobProgress?> update, IProgress<JobProgress> outer) : IProgress<JobProgress>
        {
            // Reported outside the lock: an observer that takes its time must not hold up the other side.
            public void Report(JobProgress value)
            {
                if (update(value) is { } combined)
                {
                    outer.Report(combined);
                }
            }
        }
    }
}
