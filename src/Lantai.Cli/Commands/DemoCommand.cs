using System.CommandLine;
using System.Text.Json;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Transfer;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lantai.Cli.Commands;

/// <summary>
/// `lantai demo`: loads the demo archive (示例旗档案馆, six fonds, about five thousand items) into an empty archive.
/// An archive that already holds fonds or records is refused (exit 1): the demo never mixes with real data, so
/// there is deliberately no --force.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "载入示例数据（仅限空库） (load the demo archive into an empty archive)");
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var json = result.GetValue(GlobalOptions.Json);
            var console = CliHost.Console(result);
            Result<DemoCatalogueResult> loaded;
            if (json)
            {
                loaded = await DemoCatalogue.LoadAsync(db, time, GlobalOptions.Actor, null, cancellationToken);
            }
            else
            {
                loaded = await console.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask("载入示例数据");
                    return await DemoCatalogue.LoadAsync(db, time, GlobalOptions.Actor,
                        new InlineProgress<DemoProgress>(p =>
                        {
                            task.MaxValue = p.Total;
                            task.Value = p.Written;
                        }), cancellationToken);
                });
            }

            if (!loaded.Succeeded)
            {
                await CliHost.Error(result).WriteLineAsync(loaded.Errors[0].Message);
                return ExitCodes.Refused;
            }

            var demo = loaded.Value;
            await DemoTransfers.LoadAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<DatabaseOptions>().DataDir, GlobalOptions.Actor, cancellationToken);
            if (json)
            {
                await result.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(demo, CliJson.Options));
            }
            else
            {
                console.MarkupLineInterpolated(
                    $"已载入示例数据（{DemoCatalogue.ArchiveName}）：{demo.Fonds} 个全宗，{demo.OrgUnits} 个机构(问题)，{demo.Volumes} 卷，{demo.Records} 件，{demo.FirstYear}—{demo.LastYear} 年；两批示例移交（一批已接收，一批待决定）");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
