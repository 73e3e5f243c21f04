namespace Lantai.Security;

/// <summary>An account to create; it gets a one-time password that must be changed at first sign-in.</summary>
public sealed record NewAccount
{
    public required string UserName { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>Roles given at creation: only the first-start bootstrap and the CLI do this; in the browser the security officer grants roles.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public int Clearance { get; init; }
}
