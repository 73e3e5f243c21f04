using System.Globalization;
using System.Text.Json;
using Lantai.Jobs;
using Microsoft.Extensions.Options;

namespace Lantai.Preservation;

/// <summary>
/// The durable fixity audit (job kind preservation.fixity): resumes from the cursor its interrupted run left in the
/// job's Output, and ends with the summary there.
/// </summary>
public sealed class FixityAuditJob(FixityAudit audit, IOptions<PreservationOptions> options) : IJobHandler
{
    public const string JobKind = "preservation.fixity";

    public string Kind => JobKind;

    public async Task<string?> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var request = JsonSerializer.Deserialize<FixityAuditRequest>(job.Payload, JobJson.Options);
        var rate = request?.MegabytesPerSecond ?? options.Value.FixityMegabytesPerSecond;
        var start = Resume(job.Output) ?? FixityAuditState.Start;
        var summary = await audit.RunAsync(start, rate, job.Id, new InlineJobProgress(progress), cancellationToken);
        return JsonSerializer.Serialize(new
        {
            summary.State.Checked,
            summary.State.Intact,
            summary.State.Mismatched,
            summary.State.Missing,
            summary.State.Bytes,
            failures = summary.Failures,
        }, JobJson.Options);
    }

    /// <summary>The cursor of an interrupted run (only a job queued again after a crash or stop has one).</summary>
    private static FixityAuditState? Resume(string? output)
    {
        if (string.IsNullOrEmpty(output))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<FixityAuditState>(output, JobJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class InlineJobProgress(IProgress<JobProgress> inner) : IProgress<FixityAuditProgress>
    {
        public void Report(FixityAuditProgress value) =>
            inner.Report(new JobProgress(value.Done, value.Total,
                string.Create(CultureInfo.InvariantCulture, $"已校验 {value.Done}/{value.Total} 个保存对象（{value.Bytes / 1_000_000} MB）")));
    }
}
