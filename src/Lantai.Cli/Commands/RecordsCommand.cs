using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lantai.Catalogue;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lantai.Cli.Commands;

/// <summary>`lantai records list`: the records of a selection in archival-code order, as a table or one JSON object per line.</summary>
public static class RecordsCommand
{
    private const int DefaultTableLimit = 100;

    public static Command Create()
    {
        var limit = new Option<int?>("--limit") { Description = $"最多列出的件数；表格默认 {DefaultTableLimit}，--json 默认不限 (maximum records)" };
        var filters = new RecordFilterOptions();
        var list = new Command("list", "列出档案 (list records)") { limit };
        filters.AddTo(list);
        list.SetAction(async (result, cancellationToken) =>
        {
            var json = result.GetValue(GlobalOptions.Json);
            var max = result.GetValue(limit) ?? (json ? int.MaxValue : DefaultTableLimit);
            if (max < 1)
            {
                await CliHost.Error(result).WriteLineAsync("--limit 应为正整数");
                return ExitCodes.Usage;
            }

            var filter = filters.Read(result);
            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<RecordQueries>();
            var output = result.InvocationConfiguration.Output;
            var table = new Table().AddColumns("档号", "题名", "责任者", "日期", "页数", "密级", "开放状态");
            var shown = 0;
            await foreach (var record in queries.StreamAsync(filter, cancellationToken))
            {
                if (shown == max)
                {
                    break;
                }

                shown++;
                if (json)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(RecordLine.From(record), CliJson.Options));
                    continue;
                }

                table.AddRow(
                    Markup.Escape(record.ArchivalCode),
                    Markup.Escape(record.TitleSupplied ? $"[{record.Title}]" : record.Title),
                    Markup.Escape(record.Author ?? ""),
                    record.Date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "",
                    record.PageCount?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Markup.Escape(record.Classification),
                    RecordFields.OpenStatusLabel(record.OpenStatus));
            }

            if (!json)
            {
                var console = CliHost.Console(result);
                console.Write(table);
                console.MarkupLineInterpolated($"共列出 {shown} 件");
            }

            return ExitCodes.Success;
        });

        return new Command("records", "档案 (records)") { list };
    }

    /// <summary>A record as one line of --json output.</summary>
    private sealed record RecordLine(
        RecordId Id, string ArchivalCode, string FondsCode, string CategoryCode, int Year, string RetentionCode, string OrgUnitCode,
        int ItemNumber, VolumeId? VolumeId, string Title, bool TitleSupplied, string? Author, string? DocumentNumber, DateOnly? Date,
        int? PageCount, string Classification, string? Carrier, string? Remarks, OpenStatus OpenStatus, int Version)
    {
        public static RecordLine From(Record r) => new(
            r.Id, r.ArchivalCode, r.FondsCode, r.CategoryCode, r.Year, r.RetentionCode, r.OrgUnitCode, r.ItemNumber, r.VolumeId, r.Title,
            r.TitleSupplied, r.Author, r.DocumentNumber, r.Date, r.PageCount, r.Classification, r.Carrier, r.Remarks, r.OpenStatus, r.Version);
    }
}
