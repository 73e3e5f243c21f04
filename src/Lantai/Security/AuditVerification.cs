namespace Lantai.Security;

/// <summary>The outcome of checking the audit chain: how many entries were read and the first one found broken.</summary>
public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool Intact => FirstBrokenSequence is null;
}
