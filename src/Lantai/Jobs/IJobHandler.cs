namespace Lantai.Jobs;

/// <summary>
/// Runs one kind of job. Handlers must be safe to run again after an interruption: either all-or-nothing (a catalogue
/// import commits in one transaction) or resuming from a cursor they store themselves.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Does the work; returns the JSON result, or throws <see cref="JobFailedException"/> with a message for people.</summary>
    Task<string?> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken cancellationToken);
}
