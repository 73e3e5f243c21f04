using System.Text.Json;
using Lantai.Jobs;

namespace Lantai.Transfer;

/// <summary>Stores a transfer's accepted items as a durable job; after a crash it resumes with the items not yet stored.</summary>
public sealed class TransferIngestJob(TransferIngester ingester) : IJobHandler
{
    public string Kind => TransferService.IngestJobKind;

    public async Task<string?> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var payload = JsonSerializer.Deserialize<TransferIngestJobPayload>(job.Payload, JobJson.Options)
            ?? throw new JobFailedException("任务参数无效");
        var transfer = await ingester.RunAsync(payload.TransferId, job.Actor, progress, cancellationToken);
        return JsonSerializer.Serialize(new { transferId = transfer.Id, state = transfer.State.ToString() }, JobJson.Options);
    }
}
