using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Security;
using Lantai.Transfer;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Lantai.Web.Startup;

/// <summary>First-start work: apply migrations, create the administrator, load the demo data into an empty archive.</summary>
public static class LantaiInitializer
{
    public static async Task InitializeLantaiAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await LantaiStartup.PrepareAsync(scope.ServiceProvider, cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();

        // Roles always; the first accounts only into an archive without any. Their one-time passwords go to the
        // console once the server listens (so the sign-in address is known), never to the log.
        var demo = app.Configuration.GetValue<bool>("Lantai:Demo");
        var accounts = await AccountBootstrap.EnsureAccountsAsync(scope.ServiceProvider, demo, cancellationToken);
        if (accounts.Count > 0)
        {
            var output = app.Services.GetService<BootstrapConsole>()?.Output ?? Console.Out;
            app.Lifetime.ApplicationStarted.Register(() => AccountBootstrap.Print(accounts, LoginUrl(app), output));
        }

        // The demo archive goes only into a brand-new, empty archive: never beside real records.
        if (demo && accounts.Count > 0 && await DemoCatalogue.IsEmptyAsync(db, cancellationToken))
        {
            var output = app.Services.GetService<BootstrapConsole>()?.Output ?? Console.Out;
            await output.WriteLineAsync("正在载入示例档案馆数据 Loading the demo archive …");
            var loaded = await DemoCatalogue.LoadAsync(db, app.Services.GetRequiredService<TimeProvider>(), "system", null, cancellationToken);
            if (loaded.Succeeded)
            {
                var d = loaded.Value;
                await output.WriteLineAsync($"示例数据已载入：{d.Fonds} 个全宗，{d.Records} 件，{d.Volumes} 卷（{d.FirstYear}–{d.LastYear}年） Demo loaded: {d.Fonds} fonds, {d.Records} records.");
                await DemoTransfers.LoadAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<DatabaseOptions>().DataDir, "system", cancellationToken);
                await output.WriteLineAsync("示例移交已载入（一批已接收，一批待决定） Demo transfers loaded.");
            }
        }
    }

    private static string LoginUrl(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://localhost:5000";
        // A wildcard listen address is not something a browser can open.
        address = address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return address.TrimEnd('/') + "/Account/Login";
    }
}
