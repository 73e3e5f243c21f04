namespace Lantai.Security;

/// <summary>Filters of the audit log viewer; every one is optional and they combine with AND.</summary>
public sealed record AuditFilter
{
    /// <summary>Exact user name of the actor.</summary>
    public string? Actor { get; init; }

    /// <summary>An action or the start of one: "user.role.grant", or "user." for every account change.</summary>
    public string? Action { get; init; }

    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    /// <summary>Entries at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Text contained in the summary.</summary>
    public string? Text { get; init; }
}
