using Lantai.Data;
using Lantai.Preservation;
using Lantai.Transfer.Checks;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai;

/// <summary>What every host (the server, each CLI command) does before it serves: the same steps in the same order.</summary>
public static class LantaiStartup
{
    /// <summary>Applies pending migrations, adds check rules a new version brings, and removes store temp files a crash left behind.</summary>
    public static async Task PrepareAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopedServices);
        var db = scopedServices.GetRequiredService<LantaiDbContext>();
        await LantaiDatabase.MigrateAsync(db, scopedServices.GetRequiredService<DatabaseOptions>(), cancellationToken);
        await CheckRuleSeeder.EnsureAsync(db, cancellationToken);
        await scopedServices.GetRequiredService<ObjectStore>().RecoverAsync(cancellationToken);
    }
}
