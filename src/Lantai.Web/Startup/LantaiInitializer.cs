using Lantai.Data;

namespace Lantai.Web.Startup;

/// <summary>First-start work: apply migrations, create the administrator, load the demo data into an empty archive.</summary>
public static class LantaiInitializer
{
    public static async Task InitializeLantaiAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
        await LantaiDatabase.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<DatabaseOptions>(), cancellationToken);
    }
}
