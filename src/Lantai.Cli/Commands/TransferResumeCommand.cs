using System.CommandLine;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Cli.Commands;

/// <summary>
/// `lantai transfer resume`: finishes transfer checks and ingests that a crash or a kill interrupted (their jobs are
/// still marked running or queued), in the foreground with progress, then writes the AIPs still pending. The server does the same by itself at start-up;
/// run this while no server works on the same archive.
/// </summary>
internal static class TransferResumeCommand
{
    private static readonly string[] Kinds = [TransferService.CheckJobKind, TransferService.IngestJobKind];

    public static Command Create()
    {
        var command = new Command("resume", "继续被中断的检测和入库（服务器未运行时使用） (resume interrupted transfer checks and ingests)");
        command.SetAction(async (result, cancellationToken) =>
        {
            var console = CliHost.Console(result);
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            var runner = services.GetRequiredService<JobRunner>();
            await runner.RequeueInterruptedAsync(cancellationToken);
            List<Job> queued;
            await using (var scope = services.CreateAsyncScope())
            {
                queued = await scope.ServiceProvider.GetRequiredService<LantaiDbContext>().Jobs.AsNoTracking()
                    .Where(j => j.State == JobState.Queued && Kinds.Contains(j.Kind)).OrderBy(j => j.CreatedAt).ToListAsync(cancellationToken);
            }

            var failed = 0;
            foreach (var job in queued)
            {
                var title = job.Kind == TransferService.CheckJobKind ? "四性检测" : "接收入库";
                var done = await TransferCommand.RunJobAsync(runner, job.Id, title, console, result.GetValue(GlobalOptions.Json), cancellationToken);
                if (done is { State: not JobState.Succeeded })
                {
                    failed++;
                    await CliHost.Error(result).WriteLineAsync($"{title}未完成：{done.Error}");
                }
            }

            // Records committed without their AIP (a kill between the commit and the AIP job) get it now.
            failed += await TransferCommand.RunAipJobsAsync(services, runner, console, result.GetValue(GlobalOptions.Json), cancellationToken);
            await result.InvocationConfiguration.Output.WriteLineAsync(queued.Count == 0 ? "没有被中断的移交任务" : $"已继续 {queued.Count} 个移交任务，{failed} 个未完成");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Refused;
        });
        return command;
    }
}
