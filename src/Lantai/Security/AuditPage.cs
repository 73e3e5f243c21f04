namespace Lantai.Security;

/// <summary>One page of the audit log, newest first; <see cref="NextCursor"/> continues below the last entry (null at the end).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? NextCursor);
