using System.CommandLine;
using Lantai.Cli;
using Lantai.Cli.Commands;

namespace Lantai.Tests.Cli;

/// <summary>Runs `lantai` in-process, as Program.cs wires it, with its output captured.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var root = new RootCommand("lantai");
        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Db);
        root.Options.Add(GlobalOptions.Json);
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(RecordsCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(TransferCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return new CliResult(ExitCodes.Usage, "", string.Join("\n", parsed.Errors.Select(e => e.Message)));
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>The global options that point a command at a test database.</summary>
    public static string[] Target(Lantai.Tests.Infrastructure.TestDatabase database) =>
        database.Options.PostgresConnectionString is { } cs ? ["--data", database.DataDir, "--db", cs] : ["--data", database.DataDir];
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
