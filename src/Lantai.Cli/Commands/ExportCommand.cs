using System.CommandLine;
using System.Text.Json;
using Lantai.Catalogue.Export;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lantai.Cli.Commands;

/// <summary>`lantai export`: writes the filing catalogue (xlsx, csv, pdf) or filing stamps (pdf) of a selection to a file.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string?>("--format")
        {
            Description = "xlsx | csv | pdf（归档文件目录 filing catalogue）| stamps（归档章 PDF filing stamps）；默认按 --out 的扩展名",
        };
        format.AcceptOnlyFromAmong("xlsx", "csv", "pdf", "stamps");
        var output = new Option<FileInfo>("--out") { Description = "输出文件 (output file)", Required = true };
        var filters = new RecordFilterOptions();
        var command = new Command("export", "导出归档文件目录或归档章 (export the filing catalogue or filing stamps)") { format, output };
        filters.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var file = result.GetValue(output)!;
            var kind = result.GetValue(format) ?? file.Extension.TrimStart('.').ToLowerInvariant();
            if (kind is not ("xlsx" or "csv" or "pdf" or "stamps"))
            {
                await CliHost.Error(result).WriteLineAsync($"无法从文件名“{file.Name}”判断格式，请用 --format xlsx|csv|pdf|stamps 指定");
                return ExitCodes.Usage;
            }

            var filter = filters.Read(result);
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var exporter = scope.ServiceProvider.GetRequiredService<FilingCatalogueExporter>();
            var stamps = scope.ServiceProvider.GetRequiredService<FilingStampPrinter>();
            file.Directory?.Create();
            ExportSummary summary;
            try
            {
                await using var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
                summary = kind switch
                {
                    "xlsx" => await exporter.WriteXlsxAsync(filter, stream, cancellationToken),
                    "csv" => await exporter.WriteCsvAsync(filter, stream, cancellationToken),
                    "pdf" => await exporter.WritePdfAsync(filter, stream, cancellationToken),
                    _ => await stamps.WritePdfAsync(filter, stream, cancellationToken),
                };
            }
            catch
            {
                file.Delete(); // never leave half a catalogue behind
                throw;
            }

            if (result.GetValue(GlobalOptions.Json))
            {
                await result.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(
                    new { file = file.FullName, format = kind, records = summary.Records, pages = summary.Pages }, CliJson.Options));
            }
            else
            {
                var pages = summary.Pages > 0 ? $"，{summary.Pages} 页" : "";
                CliHost.Console(result).MarkupLineInterpolated($"已导出 {summary.Records} 件{pages}：{file.FullName}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
