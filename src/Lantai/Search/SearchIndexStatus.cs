namespace Lantai.Search;

/// <summary>
/// The state of the index for operators (`lantai index status`): the live generation, its documents, the outbox cursor
/// committed with it, how many outbox entries are not applied yet, its size on disk, and whether this process writes.
/// </summary>
public sealed record SearchIndexStatus
{
    public required string Generation { get; init; }

    public required string Path { get; init; }

    public int Documents { get; init; }

    public long CommittedCursor { get; init; }

    public long OutboxMaxId { get; init; }

    public long PendingEntries { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>True when another process (the web server) holds the writer.</summary>
    public bool ReadOnly { get; init; }
}
