using System.Text.Json;
using Lantai.Jobs;

namespace Lantai.Transfer;

/// <summary>Runs a transfer's four-properties check as a durable job; a check interrupted by a crash starts again.</summary>
public sealed class TransferCheckJob(TransferChecker checker) : IJobHandler
{
    public string Kind => TransferService.CheckJobKind;

    public async Task<string?> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var payload = JsonSerializer.Deserialize<TransferCheckJobPayload>(job.Payload, JobJson.Options)
            ?? throw new JobFailedException("任务参数无效");
        var transfer = await checker.RunAsync(payload.TransferId, payload.SourcePath, job.Actor, progress, cancellationToken);
        return JsonSerializer.Serialize(new { transferId = transfer.Id, state = transfer.State.ToString(), items = transfer.ItemCount, files = transfer.FileCount }, JobJson.Options);
    }
}
