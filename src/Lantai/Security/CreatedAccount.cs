namespace Lantai.Security;

/// <summary>A new account and its one-time password, shown once to whoever created it and never stored in clear.</summary>
public sealed record CreatedAccount(LantaiUser User, IReadOnlyList<string> Roles, string OneTimePassword);
