namespace Lantai.Security;

/// <summary>One field that an audited change touched: its value before and after (null where absent).</summary>
public sealed record AuditChange(string Field, string? Before, string? After);
