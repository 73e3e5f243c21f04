using System.CommandLine;
using Lantai.Data;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lantai.Cli;

/// <summary>
/// What every command that touches the archive needs: the engine's services on the database named by --data/--db,
/// brought up to date first, and a console that writes where the invocation's output goes (a terminal, or a test's writer).
/// </summary>
internal static class CliHost
{
    /// <summary>Builds the engine's services for the parsed global options and applies pending migrations.</summary>
    public static async Task<ServiceProvider> OpenAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var options = GlobalOptions.DatabaseOptions(result);
        var services = new ServiceCollection();
        services.AddLogging(); // no providers: the CLI reports through its console, the engine's logs are for the server
        services.AddLantaiEngine(options);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            await using var scope = provider.CreateAsyncScope();
            await LantaiStartup.PrepareAsync(scope.ServiceProvider, cancellationToken);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public static IAnsiConsole Console(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var output = new AnsiConsoleOutput(result.InvocationConfiguration.Output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = output });
        if (!output.IsTerminal)
        {
            console.Profile.Width = 160; // a pipe or file has no width: do not squeeze tables to 80 columns
        }

        return console;
    }

    public static TextWriter Error(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.InvocationConfiguration.Error;
    }
}
