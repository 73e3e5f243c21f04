namespace Lantai.Web.Api.Transfers;

/// <summary>Why the transfer is rejected (required).</summary>
public sealed record RejectRequest(string? Reason);
