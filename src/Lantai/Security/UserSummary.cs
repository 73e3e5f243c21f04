namespace Lantai.Security;

/// <summary>One account as the user lists show it.</summary>
public sealed record UserSummary(
    Guid Id,
    string UserName,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    int Clearance,
    bool Disabled,
    DateTimeOffset? LockedUntil,
    bool TwoFactorEnabled,
    bool MustChangePassword,
    DateTimeOffset CreatedAt);
