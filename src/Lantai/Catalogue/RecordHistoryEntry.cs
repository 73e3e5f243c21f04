namespace Lantai.Catalogue;

/// <summary>One change in a record's history: who, when, what (the fields that changed).</summary>
public sealed record RecordHistoryEntry(long Sequence, DateTimeOffset At, string Actor, string Action, string? Summary, IReadOnlyList<FieldChange> Changes)
{
    public string ActionLabel => Action switch
    {
        "record.create" => "著录",
        "record.update" => "修改",
        RenumberingService.AuditAction => "重新编号",
        _ => Action,
    };
}
