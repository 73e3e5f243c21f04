using Lantai.Data;
using Lantai.Jobs;

namespace Lantai.Transfer.Checks;

/// <summary>Runs the enabled <see cref="CheckRule"/>s of a stage over a subject and returns the report (saved by the caller).</summary>
public sealed class CheckEngine(IEnumerable<ICheck> checks, LantaiDbContext db, TimeProvider time)
{
    public Task<CheckReport> RunAsync(CheckContext context, string actor, IProgress<JobProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"H3 {checks} {db} {time}");
}
