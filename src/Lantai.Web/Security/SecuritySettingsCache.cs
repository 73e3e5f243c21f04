using Lantai.Security;

namespace Lantai.Web.Security;

/// <summary>
/// The admin two-factor setting as the account gate reads it on every request: from memory, reloaded from the
/// database every half minute (another instance or the CLI may change it) and at once when this instance changes it.
/// </summary>
public sealed class SecuritySettingsCache(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private Snapshot? _snapshot;

    public async ValueTask<bool> RequireAdminTwoFactorAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && now - snapshot.LoadedAt < Lifetime)
        {
            return snapshot.RequireAdminTwoFactor;
        }

        await using var scope = scopes.CreateAsyncScope();
        var value = await scope.ServiceProvider.GetRequiredService<SecuritySettings>().RequireAdminTwoFactorAsync(cancellationToken);
        Volatile.Write(ref _snapshot, new Snapshot(value, now));
        return value;
    }

    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    private sealed record Snapshot(bool RequireAdminTwoFactor, DateTimeOffset LoadedAt);
}
