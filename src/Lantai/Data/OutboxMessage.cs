namespace Lantai.Data;

/// <summary>
/// A change that derived stores (search index, replicas) must follow, written in the same transaction as the change
/// itself so a crash never leaves them out of step (DESIGN.md §2). Consumers read from a saved cursor (the id).
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>record.changed, record.deleted, records.imported (EntityId = import id) …</summary>
    public required string Kind { get; set; }

    public required string EntityId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
