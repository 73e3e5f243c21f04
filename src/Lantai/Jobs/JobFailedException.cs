namespace Lantai.Jobs;

/// <summary>An expected failure of a job (bad input found while running); its message is shown to people as is.</summary>
public sealed class JobFailedException : Exception
{
    public JobFailedException()
    {
    }

    public JobFailedException(string message)
        : base(message)
    {
    }

    public JobFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Optional JSON details (e.g. every wrong row) kept as the job's result.</summary>
    public string? Details { get; init; }
}
