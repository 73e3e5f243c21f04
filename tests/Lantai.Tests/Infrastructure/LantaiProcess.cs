using System.Diagnostics;

namespace Lantai.Tests.Infrastructure;

/// <summary>
/// Runs the real `lantai` (Lantai.Cli.dll beside the tests) as its own process, so a crash test can kill it for real
/// (LANTAI_CRASH_AT) and run it again.
/// </summary>
public static class LantaiProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        TestDatabase database, string? crashAt, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lantai.Cli.dll"));
        foreach (var arg in Cli.CliRunner.Target(database).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        if (crashAt is not null)
        {
            start.Environment["LANTAI_CRASH_AT"] = crashAt;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
