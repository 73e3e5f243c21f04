using System.CommandLine;
using System.Text.Json;
using Lantai.Data;
using Lantai.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lantai.Cli.Commands;

/// <summary>`lantai audit verify`: walks the SM3 hash chain of the audit log; exit 1 at the first broken entry.</summary>
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

        return new Command("audit", "审计日志 (audit log)") { verify };
    }
}
