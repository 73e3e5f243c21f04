namespace Lantai.Web.Api;

/// <summary>What <see cref="IdempotencyStore.Claim"/> found for a key.</summary>
public enum IdempotencyState
{
    Claimed,
    Replay,
    InProgress,
    KeyReused,
}
