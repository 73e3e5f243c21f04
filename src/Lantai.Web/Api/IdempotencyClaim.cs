namespace Lantai.Web.Api;

/// <summary>The answer of <see cref="IdempotencyStore.Claim"/>: the state and, for a replay, the id of what was created.</summary>
public sealed record IdempotencyClaim(IdempotencyState State, string? ResourceId);
