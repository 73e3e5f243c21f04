using Lantai.Common;

namespace Lantai.Web.Api;

/// <summary>
/// Remembers, for 24 hours and in memory, which resource a POST with an Idempotency-Key created, so a client that
/// retries after a lost response gets the same resource instead of a duplicate (eShop's pattern). Scoped per user;
/// a key reused with a different body is refused; a key whose first request is still running answers 409.
/// Kept in memory on purpose, for one server process: a restart forgets the keys, so a retry that spans a restart may
/// create a second record; a durable table of keys is the step up when clients need more.
/// </summary>
public sealed class IdempotencyStore(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public const int MaxKeyLength = 200;
    private const int MaxEntries = 100_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Claims the key for this request, or says what an earlier request with the same key did.</summary>
    public IdempotencyClaim Claim(string userId, string key, string fingerprint)
    {
        var now = time.GetUtcNow();
        var id = userId + "\n" + key;
        lock (_lock)
        {
            if (_entries.TryGetValue(id, out var entry) && entry.ExpiresAt > now)
            {
                if (!string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal))
                {
                    return new IdempotencyClaim(IdempotencyState.KeyReused, null);
                }

                return entry.ResourceId is null
                    ? new IdempotencyClaim(IdempotencyState.InProgress, null)
                    : new IdempotencyClaim(IdempotencyState.Replay, entry.ResourceId);
            }

            if (_entries.Count >= MaxEntries)
            {
                Sweep(now);
            }

            _entries[id] = new Entry(fingerprint, now + Lifetime, null);
            return new IdempotencyClaim(IdempotencyState.Claimed, null);
        }
    }

    /// <summary>Records what the claimed request created; a failed request releases the key so a corrected retry runs.</summary>
    public void Complete(string userId, string key, string? resourceId)
    {
        var id = userId + "\n" + key;
        lock (_lock)
        {
            if (resourceId is null)
            {
                _entries.Remove(id);
            }
            else if (_entries.TryGetValue(id, out var entry))
            {
                _entries[id] = entry with { ResourceId = resourceId };
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var key in _entries.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToList())
        {
            _entries.Remove(key);
        }

        if (_entries.Count >= MaxEntries)
        {
            // Still full of live keys: forget the oldest half rather than grow without bound.
            foreach (var key in _entries.OrderBy(e => e.Value.ExpiresAt).Take(MaxEntries / 2).Select(e => e.Key).ToList())
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed record Entry(string Fingerprint, DateTimeOffset ExpiresAt, string? ResourceId);
}
