using System.Net;
using Lantai.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lantai.Tests.Infrastructure;

/// <summary>
/// The real Lantai web server on a loopback port with its own database; tests talk to it over HTTP.
/// Disposing it fails the test if the server logged a warning or error the test did not expect.
/// </summary>
public sealed class LantaiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CapturedLog _log;
    private readonly List<Func<string, bool>> _expected = [];

    private LantaiServer(WebApplication app, CapturedLog log, TestDatabase database, Uri address)
    {
        _app = app;
        _log = log;
        Database = database;
        Address = address;
    }

    public TestDatabase Database { get; }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LantaiServer> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, bool demo = false, params string[] extraArgs)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--data", database.DataDir, "--demo", demo ? "true" : "false", "--environment", "Production" };
        if (database.Options.PostgresConnectionString is { } cs)
        {
            args.AddRange(["--db", cs]);
        }

        args.AddRange(extraArgs);
        var log = new CapturedLog();
        var app = await LantaiWebApp.BuildAsync([.. args], builder =>
        {
            builder.Logging.AddProvider(log);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LantaiServer(app, log, database, new Uri(address));
    }

    /// <summary>A client with its own cookie jar, as one browser would have.</summary>
    public HttpClient CreateClient(bool followRedirects = true) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = followRedirects, UseCookies = true }) { BaseAddress = Address };

    /// <summary>Declares a warning the test provokes on purpose (matched against the log line).</summary>
    public void ExpectLog(Func<string, bool> match) => _expected.Add(match);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
        var unexpected = _log.Problems.Where(p => !_expected.Any(e => e(p))).ToList();
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException("The server logged unexpected warnings or errors:\n" + string.Join("\n", unexpected));
        }
    }
}
