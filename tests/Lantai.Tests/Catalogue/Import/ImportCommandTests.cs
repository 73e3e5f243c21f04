using System.Text.Json;
using Lantai.Cli;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Catalogue.Import;

/// <summary>Console output is process-wide: these tests must not run beside others that write to it.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>`lantai import` run in-process through the CLI's real entry point, with its console output captured.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ImportCommandTests
{
    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        // The top-level program's async body (the synthesized Main would block on it).
        var entry = typeof(ExitCodes).Assembly.GetType("Program")!.GetMethod("<Main>$", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await (Task<int>)entry.Invoke(null, [args])!;
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Fact]
    public async Task ImportCommand_BadRows_ExitsWith1AndPrintsOneLinePerError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, output, error) = await RunAsync("import", ImportSamples.PathOf("catalogue-bad-rows.csv"), "--data", database.DataDir);

        Assert.Equal(ExitCodes.Refused, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, l => Assert.Matches(@"^第\d+行 \S+: .+$", l));
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11], lines.Select(l => int.Parse(l[1..l.IndexOf('行', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).Distinct());
        Assert.Contains("第4行 日期: 日期“20211345”不存在", lines);
        Assert.Contains("第7行 档号: 档号“0426-WS·2016-Y-BGS-0006”与第6行重复", lines);
        Assert.Contains("未存储任何内容", error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Records.CountAsync());
    }

    [Fact]
    public async Task ImportCommand_SampleCsv_ImportsAndReportsCountAndNewFonds()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, output, _) = await RunAsync("import", ImportSamples.PathOf("catalogue-0426-ws.csv"), "--data", database.DataDir);
        var (again, json, _) = await RunAsync("import", ImportSamples.PathOf("catalogue-0426-ws.csv"), "--data", database.DataDir, "--json");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("已导入 536 件", output, StringComparison.Ordinal);
        Assert.Contains("新建全宗 0426", output, StringComparison.Ordinal);
        Assert.Contains("0426/BGS", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, again);
        using var summary = JsonDocument.Parse(json);
        Assert.Equal("refused", summary.RootElement.GetProperty("status").GetString());
        Assert.Equal(536, summary.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task ImportCommand_DryRunJson_ChecksWithoutStoring()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, json, _) = await RunAsync("import", ImportSamples.PathOf("catalogue-0426-ws.xlsx"), "--data", database.DataDir, "--dry-run", "--json");

        Assert.Equal(ExitCodes.Success, exit);
        using var summary = JsonDocument.Parse(json);
        Assert.Equal(("ok", 536), (summary.RootElement.GetProperty("status").GetString(), summary.RootElement.GetProperty("rows").GetInt32()));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Records.CountAsync());
    }
}
