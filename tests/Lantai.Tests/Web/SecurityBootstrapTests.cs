using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lantai.Tests.Infrastructure;
using Lantai.Web;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Lantai.Tests.Web.SecurityWebHelpers;

namespace Lantai.Tests.Web;

/// <summary>
/// First start, on a server built here rather than by <see cref="LantaiServer"/>, because the test must read what the
/// server prints on its console (a <see cref="BootstrapConsole"/>) and every log line at every level.
/// </summary>
public sealed partial class SecurityBootstrapTests
{
    [Fact]
    public async Task FirstStart_PrintsThreeAdministratorsEachAbleToSignIn_AndLogsNoPassword()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var console = new StringWriter();
        var log = new AllLog();
        var (app, address) = await StartAsync(database, demo: false, console, log);
        await using (app)
        {
            var printed = console.ToString();
            var accounts = AccountRegex().Matches(printed).Select(m => (User: m.Groups[1].Value, Password: m.Groups[2].Value)).ToList();

            Assert.Contains($"登录: {address}/Account/Login", printed, StringComparison.Ordinal);
            Assert.Contains("Sign in:", printed, StringComparison.Ordinal);
            Assert.Equal(["admin", "secofficer", "auditor"], accounts.Select(a => a.User));
            foreach (var (user, password) in accounts)
            {
                var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(address) };
                var signedIn = await SignInAsync(client, user, password);
                // Signed in, and sent to replace the one-time password first.
                Assert.Equal("/Account/ChangePassword", FinalPath(signedIn));
                Assert.DoesNotContain(log.Lines, l => l.Contains(password, StringComparison.Ordinal));
            }

            await app.StopAsync();
        }

        // A second start finds accounts and prints none.
        var again = new StringWriter();
        var (second, _) = await StartAsync(database, demo: true, again, new AllLog());
        await using (second)
        {
            Assert.DoesNotContain("密码", again.ToString(), StringComparison.Ordinal);
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task FirstStart_InDemoMode_AlsoPrintsArchivistAndReviewer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var console = new StringWriter();
        var (app, _) = await StartAsync(database, demo: true, console, new AllLog());
        await using (app)
        {
            Assert.Equal(
                ["admin", "secofficer", "auditor", "archivist", "reviewer"],
                AccountRegex().Matches(console.ToString()).Select(m => m.Groups[1].Value));
            await app.StopAsync();
        }
    }

    private static async Task<(WebApplication App, string Address)> StartAsync(TestDatabase database, bool demo, TextWriter console, AllLog log)
    {
        var app = await LantaiWebApp.BuildAsync(
            ["--urls", "http://127.0.0.1:0", "--data", database.DataDir, "--demo", demo ? "true" : "false", "--environment", "Production"],
            builder =>
            {
                builder.Logging.AddProvider(log);
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Services.AddSingleton(new BootstrapConsole(console));
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, address);
    }

    [GeneratedRegex(@"^\s+(\S+)\s+.*password: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AccountRegex();

    /// <summary>Every log line at every level, to prove no password reaches the log.</summary>
    private sealed class AllLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(AllLog owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
