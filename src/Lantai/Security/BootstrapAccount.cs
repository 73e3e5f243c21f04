namespace Lantai.Security;

/// <summary>An account created at first start, with its one-time password (printed once, never logged).</summary>
public sealed record BootstrapAccount(string UserName, string Role, string OneTimePassword);
