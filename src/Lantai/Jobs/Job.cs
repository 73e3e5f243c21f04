namespace Lantai.Jobs;

/// <summary>
/// A durable background job: its kind names the handler, its payload says what to do, and its progress is written as it
/// runs so the UI and CLI can show it. A job found Running at start-up was interrupted and is queued again.
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; } = Common.Ids.New();

    /// <summary>The stable key of the handler, e.g. catalogue.import.</summary>
    public required string Kind { get; set; }

    public JobState State { get; set; } = JobState.Queued;

    /// <summary>Who asked for it (user name); the audit entries the job writes carry this actor.</summary>
    public required string Actor { get; set; }

    /// <summary>JSON input of the handler.</summary>
    public required string Payload { get; set; }

    /// <summary>JSON output of the handler: its result, or the details of its failure.</summary>
    public string? Output { get; set; }

    /// <summary>Why it failed, for people (Chinese).</summary>
    public string? Error { get; set; }

    public long Done { get; set; }

    public long? Total { get; set; }

    /// <summary>What it is doing now, for people (Chinese).</summary>
    public string? Message { get; set; }

    public int Attempts { get; set; }

    /// <summary>Set by a person to ask a running job to stop.</summary>
    public bool CancelRequested { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
