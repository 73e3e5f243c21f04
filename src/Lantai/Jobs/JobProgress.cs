namespace Lantai.Jobs;

/// <summary>A progress report from a running job.</summary>
public sealed record JobProgress(long Done, long? Total, string? Message);
