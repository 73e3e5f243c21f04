namespace Lantai.Jobs;

/// <summary>Where a background job stands.</summary>
public enum JobState
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    Cancelled = 4,
}
