using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lantai.Data;
using Lantai.Preservation;
using Lantai.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lantai.Cli.Commands;

/// <summary>
/// `lantai audit verify`: walks the SM3 hash chain of the audit log; exit 1 at the first broken entry.
/// `lantai audit fixity [--rate MB/s]`: recomputes SM3 and SHA-256 of every stored object; exit 1 on any mismatch or missing file.
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "校验审计日志的哈希链 (verify the audit log's hash chain)");
        verify.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var verifier = scope.ServiceProvider.GetRequiredService<AuditVerifier>();
            var json = result.GetValue(GlobalOptions.Json);
            var console = CliHost.Console(result);
            AuditVerification outcome;
            if (json)
            {
                outcome = await verifier.VerifyAsync(null, cancellationToken);
            }
            else
            {
                var total = await scope.ServiceProvider.GetRequiredService<LantaiDbContext>().AuditEntries.LongCountAsync(cancellationToken);
                outcome = await console.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask("校验审计日志", maxValue: Math.Max(total, 1));
                    var verified = await verifier.VerifyAsync(new InlineProgress<long>(n => task.Value = n), cancellationToken);
                    task.Value = task.MaxValue;
                    return verified;
                });
            }

            if (json)
            {
                await result.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    intact = outcome.Intact,
                    entriesChecked = outcome.EntriesChecked,
                    firstBrokenSequence = outcome.FirstBrokenSequence,
                    problem = outcome.Problem,
                }, CliJson.Options));
            }
            else if (outcome.Intact)
            {
                console.MarkupLineInterpolated($"[green]审计日志完好 (intact)[/]：共 {outcome.EntriesChecked} 条，哈希链连续无误");
            }
            else
            {
                console.MarkupLineInterpolated($"[red]审计日志已损坏 (broken)[/]：第 {outcome.FirstBrokenSequence} 条 — {outcome.Problem}（此前 {outcome.EntriesChecked} 条完好）");
            }

            return outcome.Intact ? ExitCodes.Success : ExitCodes.Refused;
        });

        return new Command("audit", "审计日志与固定性检查 (audit log, fixity)") { verify, Fixity() };
    }

    private static Command Fixity()
    {
        var rate = new Option<double>("--rate") { Description = "读取速度上限 MB/s，0 为不限 (read rate limit, 0 = none)", DefaultValueFactory = _ => 0 };
        var fixity = new Command("fixity", "校验保存对象的 SM3 与 SHA-256 摘要 (fixity audit of the preservation store)") { rate };
        fixity.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<FixityAudit>();
            var json = result.GetValue(GlobalOptions.Json);
            var console = CliHost.Console(result);
            var megabytesPerSecond = result.GetValue(rate);
            FixityAuditSummary summary;
            if (json)
            {
                summary = await audit.RunAsync(FixityAuditState.Start, megabytesPerSecond, null, null, cancellationToken);
            }
            else
            {
                summary = await console.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask("校验保存对象", maxValue: 1);
                    var done = await audit.RunAsync(FixityAuditState.Start, megabytesPerSecond, null, new InlineProgress<FixityAuditProgress>(p =>
                    {
                        task.MaxValue = Math.Max(p.Total, 1);
                        task.Value = p.Done;
                    }), cancellationToken);
                    task.Value = task.MaxValue;
                    return done;
                });
            }

            var state = summary.State;
            if (json)
            {
                await result.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    intact = summary.AllIntact,
                    @checked = state.Checked,
                    intactObjects = state.Intact,
                    mismatched = state.Mismatched,
                    missing = state.Missing,
                    bytes = state.Bytes,
                    seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
                    failures = summary.Failures.Select(f => new { sm3 = f.Sm3, outcome = f.Outcome.ToString().ToLowerInvariant() }),
                }, CliJson.Options));
            }
            else
            {
                var megabytes = state.Bytes / 1_000_000.0;
                var rateText = (megabytes / Math.Max(summary.Elapsed.TotalSeconds, 0.001)).ToString("N0", CultureInfo.InvariantCulture);
                if (summary.AllIntact)
                {
                    console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]全部完好 (intact)[/]：{state.Checked} 个保存对象，{megabytes:N1} MB，{summary.Elapsed.TotalSeconds:F1} 秒（{rateText} MB/s）");
                }
                else
                {
                    foreach (var failure in summary.Failures)
                    {
                        console.MarkupLineInterpolated($"[red]{(failure.Outcome == FixityOutcome.Missing ? "文件丢失 (missing)" : "摘要不一致 (mismatch)")}[/] {failure.Sm3}");
                    }

                    console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]发现问题 (failed)[/]：{state.Checked} 个保存对象中 {state.Mismatched} 个摘要不一致，{state.Missing} 个文件丢失；已记录告警");
                }
            }

            return summary.AllIntact ? ExitCodes.Success : ExitCodes.Refused;
        });
        return fixity;
    }
}
