namespace Lantai.Catalogue;

/// <summary>
/// One item of a renumbering preview: its current and new item number and archival code.
/// <see cref="Title"/> is null when the item is classified above the viewer's clearance.
/// </summary>
public sealed record RenumberChange(
    RecordId RecordId,
    string? Title,
    bool TitleSupplied,
    DateOnly? Date,
    int OldItemNumber,
    int NewItemNumber,
    string OldArchivalCode,
    string NewArchivalCode,
    bool LegacyCode)
{
    public bool Changed => OldItemNumber != NewItemNumber || !string.Equals(OldArchivalCode, NewArchivalCode, StringComparison.Ordinal);
}
