using Lantai.Data;
using Lantai.Web.Api;
using Lantai.Web.Startup;

namespace Lantai.Web;

/// <summary>Builds the one Lantai web application: used by Program, by `lantai serve` and by the tests.</summary>
public static class LantaiWebApp
{
    /// <summary>--data DIR and --db CONNECTION-STRING, as on the CLI (DESIGN.md §6).</summary>
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--data"] = "Lantai:DataDir",
        ["--db"] = "ConnectionStrings:Lantai",
        ["--demo"] = "Lantai:Demo",
    };

    private static void PrintBanner(WebApplication app)
    {
        // Printed, not logged: this is for the person who just started the server.
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"兰台已启动 Lantai is running: {address}  (登录 sign in: {address.TrimEnd('/')}/Account/Login)");
        }
    }

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // ApplicationName names this assembly so its pages are found when another program (the CLI, the tests) hosts it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(LantaiWebApp).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        var databaseOptions = new DatabaseOptions
        {
            DataDir = Path.GetFullPath(builder.Configuration["Lantai:DataDir"] ?? "data"),
            PostgresConnectionString = builder.Configuration.GetConnectionString("Lantai"),
        };

        builder.Services.AddLantaiEngine(databaseOptions);
        builder.Services.AddLantaiWeb();
        configure?.Invoke(builder);

        var app = builder.Build();
        await app.InitializeLantaiAsync(CancellationToken.None);
        app.UseLantaiWeb();
        app.MapLantaiApi();
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app));
        return app;
    }
}
