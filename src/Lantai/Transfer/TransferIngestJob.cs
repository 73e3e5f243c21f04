using System.Text.Json;
using Lantai.Jobs;
using Lantai.Preservation;

namespace Lantai.Transfer;

/// <summary>
/// Stores a transfer's accepted items as a durable job; after a crash it resumes with the items not yet stored. When it
/// ends it queues the AIP job (preservation.aip) for the records whose AIPs are still to be written; its output says how many.
/// </summary>
public sealed class TransferIngestJob(TransferIngester ingester, AipKeeper aips, AipQueue aipQueue) : IJobHandler
{
    public string Kind => TransferService.IngestJobKind;

    public async Task<string?> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var payload = JsonSerializer.Deserialize<TransferIngestJobPayload>(job.Payload, JobJson.Options)
            ?? throw new JobFailedException("任务参数无效");
        var transfer = await ingester.RunAsync(payload.TransferId, job.Actor, progress, cancellationToken);
        var pending = await aips.PendingAsync(cancellationToken);
        if (pending > 0)
        {
            await aipQueue.EnqueueAsync(job.Actor, cancellationToken);
        }

        return JsonSerializer.Serialize(new { transferId = transfer.Id, state = transfer.State.ToString(), aipsPending = pending }, JobJson.Options);
    }
}
