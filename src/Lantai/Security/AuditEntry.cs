namespace Lantai.Security;

/// <summary>
/// One entry of the tamper-evident audit log: who did what to which entity, with the state before and after.
/// <see cref="Hash"/> = SM3 over the previous entry's hash and this entry's canonical content, so editing, deleting
/// or reordering any entry breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, from 1 without gaps.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>User name of the actor, or "system" / "cli:{os user}".</summary>
    public required string Actor { get; set; }

    /// <summary>What happened, e.g. record.create, record.update, fonds.create, user.role.grant, catalogue.import.</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>A short human-readable summary (Chinese), e.g. the archival code touched.</summary>
    public string? Summary { get; set; }

    /// <summary>JSON of the state before the change (null when created).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the state after the change (null when removed).</summary>
    public string? After { get; set; }

    /// <summary>Hex SM3 of the previous entry (64 zeros for the first).</summary>
    public required string PreviousHash { get; set; }

    /// <summary>Hex SM3 of this entry.</summary>
    public required string Hash { get; set; }
}
