using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lantai.Catalogue;
using Lantai.Search;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lantai.Cli.Commands;

/// <summary>
/// `lantai search "query"`: the search of the pages and the API from the command line — a table of hits with the total
/// and the time taken, or with --json one object per hit and a summary line. The operator searches as staff with every
/// clearance (they hold the database itself); --public shows what a citizen would find.
/// </summary>
public static class SearchCommand
{
    private const int DefaultLimit = 20;

    /// <summary>Hits fetched per request when --limit asks for more than one page; later pages follow the cursor.</summary>
    private const int BatchSize = 100;

    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "检索式：词语、\"短语\"、题名:…、年度:2001-2010、AND/OR/NOT (query)" };
        var isPublic = new Option<bool>("--public") { Description = "按公众范围检索：只含开放、无密级的档案 (search as the public)" };
        var limit = new Option<int>("--limit") { Description = $"最多列出的件数，默认 {DefaultLimit} (maximum hits)", DefaultValueFactory = _ => DefaultLimit };
        var sort = new Option<string>("--sort") { Description = "排序：relevance 相关度|newest 日期新→旧|oldest 日期旧→新|code 档号 (order)", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong("relevance", "newest", "oldest", "code");
        var fonds = new Option<string?>("--fonds") { Description = "全宗号 (fonds code)" };
        var yearFrom = new Option<int?>("--year-from") { Description = "起始年度 (first year)" };
        var yearTo = new Option<int?>("--year-to") { Description = "终止年度 (last year)" };
        var command = new Command("search", "检索档案 (search the catalogue and full text)") { query, isPublic, limit, sort, fonds, yearFrom, yearTo };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = CliHost.Error(result);
            var max = result.GetValue(limit);
            var from = result.GetValue(yearFrom);
            var to = result.GetValue(yearTo);
            if (max < 1)
            {
                await error.WriteLineAsync("--limit 应为正整数");
                return ExitCodes.Usage;
            }

            if (from is < 1000 or > 9999 || to is < 1000 or > 9999 || from > to)
            {
                await error.WriteLineAsync("--year-from/--year-to 应为四位年份，且起始年度不晚于终止年度");
                return ExitCodes.Usage;
            }

            var audience = result.GetValue(isPublic) ? SearchAudience.Public : SearchAudience.Staff;
            var request = new SearchRequest
            {
                Query = result.GetValue(query) ?? "",
                Audience = audience,
                Clearance = audience == SearchAudience.Staff ? int.MaxValue : 0,
                FondsCode = string.IsNullOrWhiteSpace(result.GetValue(fonds)) ? null : result.GetValue(fonds)!.Trim(),
                YearFrom = from,
                YearTo = to,
                Sort = SortOf(result.GetValue(sort)),
                PageSize = Math.Min(max, BatchSize),
                IncludeFacets = false,
                IncludeSnippets = true,
            };

            await using var services = await CliHost.OpenAsync(result, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            await CatchUpAsync(scope.ServiceProvider, error, cancellationToken);
            var search = scope.ServiceProvider.GetRequiredService<SearchService>();

            var hits = new List<SearchHit>();
            SearchResponse? first = null;
            var took = TimeSpan.Zero;
            var timedOut = false;
            while (hits.Count < max)
            {
                var page = await search.SearchAsync(request with { PageSize = Math.Min(max - hits.Count, BatchSize) }, cancellationToken);
                if (!page.Succeeded)
                {
                    foreach (var e in page.Errors)
                    {
                        await error.WriteLineAsync(e.Message);
                    }

                    return ExitCodes.Refused;
                }

                first ??= page.Value;
                took += page.Value.Took;
                timedOut |= page.Value.TimedOut;
                hits.AddRange(page.Value.Hits);
                if (page.Value.NextCursor is not { } next || page.Value.Hits.Count == 0)
                {
                    break;
                }

                request = request with { After = next };
            }

            var total = first?.Total ?? 0;
            if (result.GetValue(GlobalOptions.Json))
            {
                var output = result.InvocationConfiguration.Output;
                foreach (var hit in hits)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(HitLine.From(hit), CliJson.Options));
                }

                await output.WriteLineAsync(JsonSerializer.Serialize(new SummaryLine(total, hits.Count, Math.Round(took.TotalMilliseconds, 1), timedOut), CliJson.Options));
                return ExitCodes.Success;
            }

            var console = CliHost.Console(result);
            var table = new Table().AddColumns("档号", "题名", "责任者", "日期", "开放状态");
            foreach (var hit in hits)
            {
                table.AddRow(
                    Markup.Escape(hit.ArchivalCode),
                    Marked(hit, SearchFields.Title, hit.Title),
                    Markup.Escape(hit.Author ?? ""),
                    hit.Date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? hit.Year.ToString(CultureInfo.InvariantCulture),
                    RecordFields.OpenStatusLabel(hit.OpenStatus));
            }

            if (hits.Count > 0)
            {
                console.Write(table);
            }

            var ms = took.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
            console.MarkupLineInterpolated($"共找到 {total} 件，列出 {hits.Count} 件，用时 {ms} 毫秒");
            if (timedOut)
            {
                console.MarkupLine("[yellow]检索超时：以上只是在时限内找到的部分结果[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Brings the index up to the database first, so the CLI finds what was just imported. Another process holding the
    /// index (a running server) keeps it current itself, so its lock is not an error here.
    /// </summary>
    private static async Task CatchUpAsync(IServiceProvider services, TextWriter error, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<SearchIndexer>().TryCatchUpAsync(cancellationToken) is null)
        {
            await error.WriteLineAsync("提示：检索索引正由另一个进程（如 lantai serve）更新，本次检索使用它已提交的索引");
        }
    }

    private static SearchSort SortOf(string? name) => name switch
    {
        "newest" => SearchSort.DateNewest,
        "oldest" => SearchSort.DateOldest,
        "code" => SearchSort.ArchivalCode,
        _ => SearchSort.Relevance,
    };

    /// <summary>The field with its matches in bold, as Spectre markup (the text itself escaped).</summary>
    private static string Marked(SearchHit hit, string field, string value)
    {
        var snippet = hit.Snippets.FirstOrDefault(s => s.Field == field && s.Parts.Any(p => p.IsMatch));
        return snippet is null
            ? Markup.Escape(value)
            : string.Concat(snippet.Parts.Select(p => p.IsMatch ? "[bold yellow]" + Markup.Escape(p.Text) + "[/]" : Markup.Escape(p.Text)));
    }

    /// <summary>A hit as one line of --json output; fields the audience may not see are null.</summary>
    private sealed record HitLine(
        RecordId Id, string ArchivalCode, string Title, string? Author, string? DocumentNumber, DateOnly? Date, int Year, string FondsCode,
        string CategoryCode, string RetentionCode, OpenStatus OpenStatus, string? Classification, float Score, IReadOnlyList<string> Snippets)
    {
        public static HitLine From(SearchHit h) => new(
            h.Id, h.ArchivalCode, h.Title, h.Author, h.DocumentNumber, h.Date, h.Year, h.FondsCode, h.CategoryCode, h.RetentionCode,
            h.OpenStatus, h.Classification, h.Score, [.. h.Snippets.Select(s => s.Field + ": " + s)]);
    }

    /// <summary>The last line of --json output.</summary>
    private sealed record SummaryLine(long Total, int Shown, double TookMs, bool TimedOut);
}
