using Lantai.Jobs;

namespace Lantai.Web.Api;

/// <summary>A job as the API and the progress page show it: the stored state plus live progress while it runs.</summary>
public sealed record JobView(
    Guid Id, string Kind, string State, string StateLabel, long Done, long? Total, string? Message, string? Error,
    string? Output, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public bool Finished => State is nameof(JobState.Succeeded) or nameof(JobState.Failed) or nameof(JobState.Cancelled);

    public static JobView Of(Job job, JobProgress? live)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobView(job.Id, job.Kind, job.State.ToString(), Label(job.State), live?.Done ?? job.Done, live?.Total ?? job.Total,
            live?.Message ?? job.Message, job.Error, job.Output, job.CreatedAt, job.FinishedAt);
    }

    public static string Label(JobState state) => state switch
    {
        JobState.Queued => "排队中",
        JobState.Running => "进行中",
        JobState.Succeeded => "已完成",
        JobState.Failed => "失败",
        JobState.Cancelled => "已取消",
        _ => state.ToString(),
    };
}
