using System.Text.Json;
using Lantai.Jobs;

namespace Lantai.Preservation;

/// <summary>
/// Writes the wanted AIPs as a durable job (kind preservation.aip). The ingest job writes its transfer's AIPs itself,
/// with a keeper beside the ingest; this job catches up with what is still wanted: queued by the ingest job when some
/// are left (its keeper failed, or another keeper held the lock), at server start while AIPs are pending
/// (<see cref="AipScheduler"/>), run by `lantai transfer ingest` and `resume` in the foreground. Interrupted, it simply
/// runs again: what it has not finished is still wanted.
/// </summary>
public sealed class AipJob(AipKeeper keeper) : IJobHandler
{
    public const string JobKind = "preservation.aip";

    public string Kind => JobKind;

    public async Task<string?> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        var written = await keeper.CatchUpAsync(progress, cancellationToken);
        var pending = await keeper.PendingAsync(cancellationToken);
        return JsonSerializer.Serialize(new { written, pending, busy = written is null }, JobJson.Options);
    }
}
