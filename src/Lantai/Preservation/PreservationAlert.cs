namespace Lantai.Preservation;

/// <summary>A fixity failure that a person must look at (shown on the dashboard until acknowledged).</summary>
public sealed class PreservationAlert
{
    public Guid Id { get; set; } = Common.Ids.New();

    public DateTimeOffset At { get; set; }

    public required string ObjectSm3 { get; set; }

    public FixityOutcome Outcome { get; set; }

    /// <summary>For people (Chinese), e.g. which records hold the object and what was found.</summary>
    public required string Message { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }
}
