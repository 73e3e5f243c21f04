namespace Lantai.Data;

/// <summary>The kinds of <see cref="OutboxMessage"/>.</summary>
public static class OutboxKinds
{
    public const string RecordChanged = "record.changed";
    public const string RecordDeleted = "record.deleted";
    public const string RecordsImported = "records.imported";
}
