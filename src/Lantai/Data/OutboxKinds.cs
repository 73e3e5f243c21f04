namespace Lantai.Data;

/// <summary>The kinds of <see cref="OutboxMessage"/>.</summary>
public static class OutboxKinds
{
    public const string RecordChanged = "record.changed";
    public const string RecordDeleted = "record.deleted";
    public const string RecordsImported = "records.imported";

    /// <summary>The record's AIP is to be written (EntityId = record id); deleted by the AIP keeper once the AIP is durable.</summary>
    public const string AipWanted = "aip.wanted";
}
