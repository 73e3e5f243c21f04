using System.Text.Json;
using Lantai.Jobs;

namespace Lantai.Search;

/// <summary>
/// The durable rebuild (job kind search.rebuild), so the web UI or API can start one and the CLI runs the same job in
/// the foreground. A rebuild interrupted by a crash or stop is simply run again from the start when the job is
/// requeued: its half-built generation is stale and deleted, the live index was never touched.
/// </summary>
public sealed class SearchRebuildJob(SearchIndexRebuilder rebuilder) : IJobHandler
{
    public const string JobKind = "search.rebuild";

    public string Kind => JobKind;

    public async Task<string?> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        var result = await rebuilder.RebuildAsync(progress, cancellationToken);
        return JsonSerializer.Serialize(new
        {
            result.Generation,
            result.Records,
            result.CaughtUp,
            result.Cursor,
            seconds = Math.Round(result.Took.TotalSeconds, 1),
            recordsPerSecond = Math.Round(result.RecordsPerSecond),
        }, JobJson.Options);
    }
}
