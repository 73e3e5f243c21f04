using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lantai.Jobs;
using Lantai.Search;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lantai.Cli.Commands;

/// <summary>
/// `lantai index rebuild`: rebuilds the search index from the database into a new generation with a progress bar
/// (the durable search.rebuild job, run in the foreground), while a running server goes on serving the old one until
/// the swap. `lantai index status`: documents, cursor, pending outbox entries, size. `lantai index update`: applies
/// the pending outbox entries now (when no server holds the index; a server keeps it up to date itself).
/// </summary>
public static class IndexCommand
{
    public static Command Create()
    {
        var command = new Command("index", "全文检索索引：重建、状态、更新 (search index: rebuild, status, update)");
        command.Subcommands.Add(CreateRebuild());
        command.Subcommands.Add(CreateStatus());
        command.Subcommands.Add(CreateUpdate());
        return command;
    }

    private static Command CreateRebuild()
    {
        var command = new Command("rebuild", "从数据库重建索引；重建期间检索继续使用旧索引 (rebuild from the database; searches use the old index until the swap)");
        command.SetAction(async (result, cancellationToken) =>
        {
            var json = result.GetValue(GlobalOptions.Json);
            var console = CliHost.Console(result);
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            Job queued;
            await using (var scope = services.CreateAsyncScope())
            {
                queued = await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(SearchRebuildJob.JobKind, new { }, GlobalOptions.Actor, cancellationToken);
            }

            var job = await TransferCommand.RunJobAsync(services.GetRequiredService<JobRunner>(), queued.Id, "重建索引", console, json, cancellationToken);
            if (job is null)
            {
                await CliHost.Error(result).WriteLineAsync("重建任务已由运行中的服务器接手（见任务列表） (the running server took the job)");
                return ExitCodes.Success;
            }

            if (job.State != JobState.Succeeded)
            {
                await CliHost.Error(result).WriteLineAsync($"重建失败：{job.Error}");
                return ExitCodes.Refused;
            }

            if (json)
            {
                await result.InvocationConfiguration.Output.WriteLineAsync(job.Output);
            }
            else
            {
                using var output = JsonDocument.Parse(job.Output ?? "{}");
                var o = output.RootElement;
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"[green]索引已重建[/]：{o.GetProperty("records").GetInt64()} 件，用时 {o.GetProperty("seconds").GetDouble()} 秒（{o.GetProperty("recordsPerSecond").GetDouble()} 件/秒），新索引 {o.GetProperty("generation").GetString()}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateStatus()
    {
        var command = new Command("status", "索引状态：文档数、游标、待处理更改、占用空间 (documents, cursor, pending changes, size)");
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var status = await scope.ServiceProvider.GetRequiredService<SearchIndexInspector>().GetAsync(cancellationToken);
            if (result.GetValue(GlobalOptions.Json))
            {
                await result.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(status, CliJson.Options));
                return ExitCodes.Success;
            }

            var table = new Table().HideHeaders().AddColumns("", "");
            table.AddRow("索引版本 (generation)", Markup.Escape(status.Generation));
            table.AddRow("位置 (path)", Markup.Escape(status.Path));
            table.AddRow("文档数 (documents)", status.Documents.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("已提交游标 (committed cursor)", status.CommittedCursor.ToString(CultureInfo.InvariantCulture));
            table.AddRow("变更队列最大编号 (outbox max id)", status.OutboxMaxId.ToString(CultureInfo.InvariantCulture));
            table.AddRow("待处理更改 (pending entries)", status.PendingEntries.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("占用空间 (size)", (status.SizeBytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture) + " MB");
            table.AddRow("写入者 (writer)", status.ReadOnly ? "其他进程（服务器）" : "无其他进程");
            CliHost.Console(result).Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateUpdate()
    {
        var command = new Command("update", "立即应用待处理的更改（服务器运行时由服务器负责） (apply pending changes now)");
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var applied = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().TryCatchUpAsync(cancellationToken);
            var json = result.GetValue(GlobalOptions.Json);
            if (json)
            {
                await result.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(new { applied, serverHoldsIndex = applied is null }, CliJson.Options));
            }
            else if (applied is null)
            {
                CliHost.Console(result).MarkupLine("索引由运行中的服务器维护，无需手动更新 (a running server keeps the index up to date)");
            }
            else
            {
                CliHost.Console(result).MarkupLineInterpolated($"[green]已应用 {applied} 条更改[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
