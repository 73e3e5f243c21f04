namespace Lantai.Search.Query;

/// <summary>Thrown by <see cref="GuardedCollector"/> to leave Lucene's collection loop; caught by the search service.</summary>
#pragma warning disable CA1064 // Internal on purpose: it never leaves the search service.
internal sealed class SearchTimeLimitExceededException : Exception
#pragma warning restore CA1064
{
    public SearchTimeLimitExceededException()
        : base("The search time limit was exceeded.")
    {
    }

    public SearchTimeLimitExceededException(string message)
        : base(message)
    {
    }

    public SearchTimeLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
