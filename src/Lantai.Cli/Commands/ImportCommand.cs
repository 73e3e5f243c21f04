using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Lantai.Catalogue.Import;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lantai.Cli.Commands;

/// <summary>
/// `lantai import FILE [--strict] [--dry-run]`: imports a catalogue (.xlsx or .csv) all or nothing. On refusal prints
/// one line per error as "第R行 列名: 原因" (R = the spreadsheet row) and exits with 1; nothing is stored.
/// </summary>
public static class ImportCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "目录文件 .xlsx 或 .csv (catalogue file)" };
        var strict = new Option<bool>("--strict") { Description = "不自动建立新的全宗和机构(问题)，遇到即拒绝 (refuse unknown fonds and org units)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只检查，不导入 (check only, store nothing)" };
        var command = new Command("import", "导入档案目录 (import a catalogue from .xlsx or .csv)") { file, strict, dryRun };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"文件不存在：{path.FullName}");
                return ExitCodes.Usage;
            }

            var json = result.GetValue(GlobalOptions.Json);
            var options = ImportOptions.Default with { Strict = result.GetValue(strict) };
            var source = ImportSource.FromFile(path.FullName);
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<CatalogueImporter>();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            var showProgress = !json && !Console.IsOutputRedirected;

            if (result.GetValue(dryRun))
            {
                var preview = await WithProgressAsync(console, showProgress, progress => importer.PreviewAsync(source, options, progress, cancellationToken));
                return json ? PrintJson(preview) : PrintPreview(console, preview);
            }

            var outcome = await WithProgressAsync(console, showProgress, progress => importer.CommitAsync(source, options, GlobalOptions.Actor, progress, cancellationToken));
            if (!outcome.Succeeded)
            {
                if (json)
                {
                    Console.WriteLine(JsonSerializer.Serialize(new { status = "refused", file = source.FileName, errors = outcome.Errors.Select(e => e.Message) }, Json));
                }
                else
                {
                    foreach (var error in outcome.Errors)
                    {
                        Console.WriteLine(error.Message);
                    }

                    await Console.Error.WriteLineAsync($"导入被拒绝：{source.FileName} 有错误，未存储任何内容。");
                }

                return ExitCodes.Refused;
            }

            var value = outcome.Value;
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    status = "imported",
                    file = value.FileName,
                    format = value.Format.ToString().ToLowerInvariant(),
                    value.Encoding,
                    value.Sm3,
                    value.ImportId,
                    records = value.RecordCount,
                    seconds = Math.Round(value.Elapsed.TotalSeconds, 3),
                    newFonds = value.NewFonds.Select(f => new { f.Code, f.Name }),
                    newOrgUnits = value.NewOrgUnits.Select(o => new { o.FondsCode, o.Code }),
                    warnings = value.Warnings.Select(w => w.ToString()),
                }, Json));
                return ExitCodes.Success;
            }

            var rate = value.RecordCount / Math.Max(value.Elapsed.TotalSeconds, 0.001);
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]已导入 {value.RecordCount} 件[/]（{value.FileName}，{value.Elapsed.TotalSeconds:F1} 秒，{rate:N0} 行/秒）");
            console.MarkupLineInterpolated($"SM3 {value.Sm3}");
            PrintCreated(console, value.NewFonds, value.NewOrgUnits);
            PrintWarnings(console, value.Warnings);
            return ExitCodes.Success;
        });
        return command;
    }

    private static int PrintPreview(IAnsiConsole console, ImportPreview preview)
    {
        console.MarkupLineInterpolated($"{preview.FileName}：{preview.Encoding ?? preview.Format.ToString()}，{preview.RowCount} 行，其中 {preview.ValidRowCount} 行无误");
        PrintCreated(console, preview.NewFonds, preview.NewOrgUnits);
        PrintWarnings(console, preview.Warnings);
        foreach (var error in preview.Errors)
        {
            Console.WriteLine(error.ToString());
        }

        if (preview.UnlistedErrorCount > 0)
        {
            Console.WriteLine($"另有{preview.UnlistedErrorCount}个错误未列出");
        }

        if (preview.CanCommit)
        {
            console.MarkupLine("[green]检查通过（未导入：--dry-run）[/]");
            return ExitCodes.Success;
        }

        return ExitCodes.Refused;
    }

    private static int PrintJson(ImportPreview preview)
    {
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            status = preview.CanCommit ? "ok" : "refused",
            file = preview.FileName,
            format = preview.Format.ToString().ToLowerInvariant(),
            preview.Encoding,
            rows = preview.RowCount,
            validRows = preview.ValidRowCount,
            errorCount = preview.ErrorCount,
            newFonds = preview.NewFonds.Select(f => new { f.Code, f.Name }),
            newOrgUnits = preview.NewOrgUnits.Select(o => new { o.FondsCode, o.Code }),
            warnings = preview.Warnings.Select(w => w.ToString()),
            errors = preview.Errors.Select(e => e.ToString()),
        }, Json));
        return preview.CanCommit ? ExitCodes.Success : ExitCodes.Refused;
    }

    private static void PrintCreated(IAnsiConsole console, IReadOnlyList<ImportNewFonds> fonds, IReadOnlyList<ImportNewOrgUnit> units)
    {
        foreach (var f in fonds)
        {
            console.MarkupLineInterpolated($"新建全宗 {f.Code}（{f.Name}）");
        }

        if (units.Count > 0)
        {
            console.MarkupLineInterpolated($"新建机构(问题) {string.Join("、", units.Select(u => $"{u.FondsCode}/{u.Code}"))}");
        }
    }

    private static void PrintWarnings(IAnsiConsole console, IReadOnlyList<ImportIssue> warnings)
    {
        foreach (var warning in warnings)
        {
            console.MarkupLineInterpolated($"[yellow]提示[/] {warning.ToString()}");
        }
    }

    /// <summary>A progress bar over the file's bytes with rows and rows/s, when a person is watching.</summary>
    private static async Task<T> WithProgressAsync<T>(IAnsiConsole console, bool show, Func<IProgress<ImportProgress>?, Task<T>> run)
    {
        if (!show)
        {
            return await run(null);
        }

        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("读取并检查", maxValue: 1);
                var watch = Stopwatch.StartNew();
                result = await run(new DirectProgress(p =>
                {
                    if (p.TotalBytes is > 0 and var total)
                    {
                        task.MaxValue = total;
                        task.Value = Math.Min(p.BytesRead, total);
                    }

                    var rate = p.RowsRead / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
                    var phase = p.Phase switch { ImportPhase.Writing => "检查并写入", ImportPhase.Committing => "提交", _ => "读取并检查" };
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{phase} {p.RowsRead:N0} 行（{rate:N0} 行/秒）");
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports on the caller's thread: Progress&lt;T&gt; would post to the thread pool and reorder updates.</summary>
    private sealed class DirectProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
