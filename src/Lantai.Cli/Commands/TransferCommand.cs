using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Transfer;
using Lantai.Transfer.Checks;
using Lantai.Transfer.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lantai.Cli.Commands;

/// <summary>
/// `lantai transfer check|ingest|list|report`: receive a package and run its four-properties check in the foreground
/// (the same durable jobs the server runs, through <see cref="JobRunner.RunNowAsync"/>, so an interrupted run can be
/// resumed), print the report, and with `ingest --accept` store what passed. Exit 1 when a blocking item fails.
/// </summary>
public static class TransferCommand
{
    private const string ReportTitle = "电子文件四性检测报告";

    public static Command Create()
    {
        var command = new Command("transfer", "移交接收：四性检测与接收入库 (transfers: check and ingest)");
        command.Subcommands.Add(CreateCheck("check", "接收移交包并进行四性检测，打印报告；有阻断项不通过时退出码为1 (check a package)", ingest: false));
        command.Subcommands.Add(CreateCheck("ingest", "检测移交包；加 --accept 时将通过的条目接收入库 (check, then ingest what passed with --accept)", ingest: true));
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateReport());
        command.Subcommands.Add(TransferResumeCommand.Create());
        return command;
    }

    private static Command CreateCheck(string name, string description, bool ingest)
    {
        var path = new Argument<string>("path") { Description = "移交包：.zip 文件或文件夹 (a .zip or a folder)" };
        var unit = new Option<string?>("--unit") { Description = "移交单位 (transferring unit, when the package does not declare one)" };
        var accept = new Option<bool>("--accept") { Description = "接收全部通过的条目并入库 (accept and ingest every item that passed)" };
        var command = new Command(name, description) { path, unit };
        if (ingest)
        {
            command.Options.Add(accept);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var source = Path.GetFullPath(result.GetValue(path)!);
            var json = result.GetValue(GlobalOptions.Json);
            var console = CliHost.Console(result);
            if (!File.Exists(source) && !Directory.Exists(source))
            {
                await CliHost.Error(result).WriteLineAsync($"找不到移交包“{source}”");
                return ExitCodes.Usage;
            }

            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            var runner = services.GetRequiredService<JobRunner>();
            Guid transferId;
            await using (var scope = services.CreateAsyncScope())
            {
                // The operator's file or folder is read where it is, never moved or changed (TakeOwnership = false).
                var received = await scope.ServiceProvider.GetRequiredService<TransferService>().ReceiveAsync(new TransferRequest
                {
                    Path = source,
                    Name = Path.GetFileName(source.TrimEnd(Path.DirectorySeparatorChar)),
                    Actor = GlobalOptions.Actor,
                    TransferringUnit = result.GetValue(unit),
                }, cancellationToken);
                if (!received.Succeeded)
                {
                    foreach (var error in received.Errors)
                    {
                        await CliHost.Error(result).WriteLineAsync(error.Message);
                    }

                    return ExitCodes.Refused;
                }

                transferId = received.Value.Transfer.Id;
                if (received.Value.CheckJob is { } checkJob)
                {
                    var job = await RunJobAsync(runner, checkJob.Id, "四性检测", console, json, cancellationToken);
                    if (job?.State == JobState.Failed)
                    {
                        await CliHost.Error(result).WriteLineAsync($"检测失败：{job.Error}");
                    }
                }
            }

            var detail = await GetAsync(services, transferId, cancellationToken);
            var failed = BlockingFailures(detail);
            if (!(ingest && result.GetValue(accept)))
            {
                Print(result, console, detail, json);
                return failed > 0 || detail.Transfer.State == TransferState.Refused ? ExitCodes.Refused : ExitCodes.Success;
            }

            // --accept: every item that passed goes in; the others are rejected with the transfer's report as the reason.
            Job? ingestJob;
            await using (var scope = services.CreateAsyncScope())
            {
                var accepted = await scope.ServiceProvider.GetRequiredService<TransferService>().AcceptAsync(transferId, null, GlobalOptions.Actor, cancellationToken);
                if (!accepted.Succeeded)
                {
                    Print(result, console, detail, json);
                    foreach (var error in accepted.Errors)
                    {
                        await CliHost.Error(result).WriteLineAsync("未接收：" + error.Message);
                    }

                    return ExitCodes.Refused;
                }

                ingestJob = await RunJobAsync(runner, accepted.Value.Id, "接收入库", console, json, cancellationToken);
            }

            if (ingestJob?.State == JobState.Succeeded)
            {
                // The ingest job wrote the AIPs beside the ingest; any still wanted (another keeper held the lock, or it
                // failed) are written by the AIP job, here in the foreground too.
                await RunAipJobsAsync(services, runner, console, json, cancellationToken);
            }

            detail = await GetAsync(services, transferId, cancellationToken);
            Print(result, console, detail, json);
            if (ingestJob?.State != JobState.Succeeded)
            {
                await CliHost.Error(result).WriteLineAsync($"入库未完成：{ingestJob?.Error ?? "任务未运行"}（可再次运行本命令继续）");
                return ExitCodes.Refused;
            }

            var ingested = detail.Items.Count(i => i.State == TransferItemState.Ingested);
            if (!json)
            {
                console.MarkupLineInterpolated($"[green]已接收入库 {ingested} 件[/]，未接收 {detail.Items.Count - ingested} 件");
            }

            return failed > 0 ? ExitCodes.Refused : ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateList()
    {
        var take = new Option<int>("--take") { Description = "最多列出几条 (how many)", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "列出移交（新的在前） (list transfers, newest first)") { take };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var transfers = await scope.ServiceProvider.GetRequiredService<TransferQueries>().ListAsync(0, result.GetValue(take), cancellationToken);
            if (result.GetValue(GlobalOptions.Json))
            {
                await result.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(transfers.Select(t => new
                {
                    t.Id,
                    t.Name,
                    state = t.State.ToString(),
                    stateLabel = TransferStates.Name(t.State),
                    t.TransferringUnit,
                    t.ItemCount,
                    t.FileCount,
                    t.TotalBytes,
                    t.ReceivedAt,
                    t.ReceivedBy,
                }), CliJson.Options));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("ID", "名称", "移交单位", "接收时间", "状态", "件数", "文件数", "字节数");
            foreach (var t in transfers)
            {
                table.AddRow(Cell(t.Id.ToString()), Cell(t.Name), Cell(t.TransferringUnit ?? ""), Cell(Time(t.ReceivedAt)), Cell(TransferStates.Name(t.State)),
                    Cell(Number(t.ItemCount)), Cell(Number(t.FileCount)), Cell(Number(t.TotalBytes)));
            }

            var console = CliHost.Console(result);
            console.Write(table);
            console.MarkupLineInterpolated($"共 {transfers.Count} 次移交");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateReport()
    {
        var id = new Argument<Guid>("id") { Description = "移交ID (transfer id, see `lantai transfer list`)" };
        var pdf = new Option<FileInfo?>("--pdf") { Description = "将报告写为PDF文件 (write the report as PDF)" };
        var xml = new Option<FileInfo?>("--xml") { Description = "将报告写为XML文件 (write the report as XML)" };
        var command = new Command("report", "四性检测报告：打印，或写为PDF/XML (print or export a check report)") { id, pdf, xml };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var detail = await scope.ServiceProvider.GetRequiredService<TransferQueries>().GetAsync(result.GetValue(id), cancellationToken);
            if (detail is null)
            {
                await CliHost.Error(result).WriteLineAsync($"移交“{result.GetValue(id)}”不存在");
                return ExitCodes.Refused;
            }

            var console = CliHost.Console(result);
            var wrote = false;
            if (result.GetValue(pdf) is { } pdfFile)
            {
                await using var output = new FileStream(pdfFile.FullName, FileMode.Create, FileAccess.Write);
                var pages = await scope.ServiceProvider.GetRequiredService<TransferReportExporter>().WritePdfAsync(detail, output, cancellationToken);
                console.MarkupLineInterpolated($"已写出 {pdfFile.FullName}（{pages} 页）");
                wrote = true;
            }

            if (result.GetValue(xml) is { } xmlFile)
            {
                await using var output = new FileStream(xmlFile.FullName, FileMode.Create, FileAccess.Write);
                await TransferReportExporter.WriteXmlAsync(detail, output, cancellationToken);
                console.MarkupLineInterpolated($"已写出 {xmlFile.FullName}");
                wrote = true;
            }

            if (!wrote)
            {
                Print(result, console, detail, result.GetValue(GlobalOptions.Json));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs the queued AIP jobs (queued by the ingest, or when a crash left AIPs pending) in the foreground.</summary>
    internal static async Task<int> RunAipJobsAsync(IServiceProvider services, JobRunner runner, IAnsiConsole console, bool json, CancellationToken cancellationToken)
    {
        List<Guid> queued;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
            if (await scope.ServiceProvider.GetRequiredService<AipKeeper>().PendingAsync(cancellationToken) > 0)
            {
                await scope.ServiceProvider.GetRequiredService<AipQueue>().EnqueueAsync(GlobalOptions.Actor, cancellationToken);
            }

            queued = await db.Jobs.AsNoTracking().Where(j => j.Kind == AipJob.JobKind && j.State == JobState.Queued)
                .OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(cancellationToken);
        }

        var failed = 0;
        foreach (var id in queued)
        {
            var job = await RunJobAsync(runner, id, "写入AIP", console, json, cancellationToken);
            failed += job is { State: not JobState.Succeeded } ? 1 : 0;
        }

        return failed;
    }

    internal static async Task<Job?> RunJobAsync(JobRunner runner, Guid jobId, string title, IAnsiConsole console, bool json, CancellationToken cancellationToken)
    {
        if (json)
        {
            return await runner.RunNowAsync(jobId, null, cancellationToken);
        }

        return await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask(title, maxValue: 1);
            var job = await runner.RunNowAsync(jobId, new InlineProgress<JobProgress>(p =>
            {
                if (p.Total is { } total && total > 0)
                {
                    task.MaxValue = total;
                }

                task.Value = Math.Min(p.Done, task.MaxValue);
                if (p.Message is { Length: > 0 } message)
                {
                    task.Description = title + " " + Markup.Escape(message);
                }
            }), cancellationToken);
            task.Value = task.MaxValue;
            return job;
        });
    }

    private static async Task<TransferDetail> GetAsync(IServiceProvider services, Guid transferId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TransferQueries>().GetAsync(transferId, cancellationToken)
            ?? throw new InvalidOperationException("The transfer just received is gone.");
    }

    private static int BlockingFailures(TransferDetail detail) => detail.Results.Count(r => r.Blocking && r.Outcome == CheckOutcome.Failed);

    private static void Print(ParseResult result, IAnsiConsole console, TransferDetail detail, bool json)
    {
        var t = detail.Transfer;
        if (json)
        {
            result.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(new
            {
                transfer = new { t.Id, t.Name, state = t.State.ToString(), stateLabel = TransferStates.Name(t.State), t.TransferringUnit, t.ItemCount, t.FileCount, t.TotalBytes, t.Reason },
                outcome = detail.Run?.Outcome?.ToString(),
                blockingFailures = BlockingFailures(detail),
                totals = CheckReportTotals.Of(detail.Results).Select(x => new { property = x.Property.ToString(), x.Passed, x.Failed, x.Warning, x.NotChecked }),
                items = detail.Items.Select(i => new { i.Id, i.RowNumber, i.ArchivalCode, i.Title, recordId = i.RecordId.Value, state = i.State.ToString(), i.Reason }),
                lines = detail.Results.Select(r => new
                {
                    r.Sequence,
                    r.Code,
                    r.Name,
                    property = r.Property.ToString(),
                    outcome = r.Outcome.ToString(),
                    outcomeLabel = CheckReportNames.Outcome(r.Outcome),
                    r.Blocking,
                    r.Evidence,
                    r.ItemId,
                    r.FilePath,
                }),
            }, CliJson.Options));
            return;
        }

        console.MarkupLineInterpolated($"[bold]{ReportTitle}[/]　{t.Name}（{t.Id}）");
        console.MarkupLineInterpolated($"状态：{TransferStates.Name(t.State)}　{t.ItemCount} 件，{t.FileCount} 个文件，{t.TotalBytes:N0} 字节");
        if (t.Reason is { Length: > 0 } reason)
        {
            console.MarkupLineInterpolated($"说明：{reason}");
        }

        var items = detail.Items.ToDictionary(i => i.Id);
        var table = new Table().AddColumns("编号", "检测项目", "性质", "结果", "对象", "检测依据与说明");
        foreach (var line in detail.Results)
        {
            var target = line.ItemId is { } itemId && items.TryGetValue(itemId, out var item)
                ? string.Create(CultureInfo.InvariantCulture, $"第{item.RowNumber}行 {item.ArchivalCode}") + (line.FilePath is { } p ? "\n" + p : "")
                : line.FilePath ?? "整个移交包";
            var outcome = CheckReportNames.Outcome(line.Outcome);
            var colour = line.Outcome switch
            {
                CheckOutcome.Passed => "green",
                CheckOutcome.Failed => "red",
                CheckOutcome.Warning => "yellow",
                _ => "grey",
            };
            table.AddRow(Cell(line.Code), Cell(line.Name + (line.Blocking ? "" : "（非阻断）")), Cell(CheckReportNames.Property(line.Property)),
                new Markup($"[{colour}]{Markup.Escape(outcome)}[/]"), Cell(target), Cell(line.Evidence));
        }

        console.Write(table);
        foreach (var totals in CheckReportTotals.Of(detail.Results))
        {
            console.MarkupLineInterpolated($"{CheckReportNames.Property(totals.Property)}：通过 {totals.Passed}，不通过 {totals.Failed}，警告 {totals.Warning}，未检测 {totals.NotChecked}");
        }

        var verdict = detail.Run?.Outcome is { } o ? CheckReportNames.Outcome(o) : "未完成";
        var failures = BlockingFailures(detail);
        if (failures > 0 || t.State == TransferState.Refused)
        {
            console.MarkupLineInterpolated($"[red]检测结论：{verdict}[/]（阻断项不通过 {failures} 项）");
        }
        else
        {
            console.MarkupLineInterpolated($"[green]检测结论：{verdict}[/]");
        }
    }

    private static Text Cell(string text) => new(text);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
