using Lantai.Catalogue;
using Lantai.Search;
using Lantai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Search.Web;

/// <summary>
/// The catalogue the search web tests share, written through the running server's own engine, and the wait until its
/// index has caught up. Every title holds 档案, so one query reaches them all and only access decides who sees which.
/// </summary>
internal static class SearchWeb
{
    public const string OpenTitle = "关于档案征集工作的批复";
    public const string ControlledTitle = "关于档案馆库房改造的请示";
    public const string SecretTitle = "档案保密工作检查情况的报告";
    public const string MarkupTitle = "档案<b>加粗</b>测试";
    public const string MongolianTitle = "ᠠᠷᠬᠢᠪ ᠤᠨ ᠠᠵᠢᠯ ᠤᠨ ᠲᠠᠢᠯᠤᠩ";
    public const string MongolianWord = "ᠠᠷᠬᠢᠪ";
    public const string Remarks = "内部备注：库房钥匙由办公室保管";

    /// <summary>Clearance rank of 秘密 in the seeded code list.</summary>
    public const int SecretClearance = 2;

    public static async Task SeedAsync(LantaiServer server)
    {
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var fonds = await scope.ServiceProvider.GetRequiredService<FondsService>().CreateAsync(new FondsDraft { Code = "X013", Name = "示例旗人民政府办公室" }, "seed", default);
            Assert.True(fonds.Succeeded);
        }

        await CreateAsync(server, Draft(OpenTitle, 2016, OpenStatus.Open) with { Date = new DateOnly(2016, 3, 8), DocumentNumber = "示政办发〔2016〕12号" });
        await CreateAsync(server, Draft(ControlledTitle, 2018, OpenStatus.Controlled) with { Remarks = Remarks });
        await CreateAsync(server, Draft(SecretTitle, 2019, OpenStatus.Open) with { Classification = "秘密" });
        await CreateAsync(server, Draft(MarkupTitle, 2020, OpenStatus.Open));
        await CreateAsync(server, Draft(MongolianTitle, 2021, OpenStatus.Open) with { Author = "ᠠᠷᠬᠢᠪ ᠤᠨ ᠲᠣᠪᠴᠢᠶ᠎ᠠ" });
        await IndexNowAsync(server, "档案", expected: 4);
    }

    /// <summary>
    /// Brings the server's index up to its database, then waits until a staff search for <paramref name="query"/> finds
    /// at least <paramref name="expected"/> records. The server's own updater would get there too; catching up here only
    /// makes the wait short (both take the index's write gate in turn).
    /// </summary>
    public static async Task IndexNowAsync(LantaiServer server, string query, int expected)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var scope = server.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(default);
            var found = await scope.ServiceProvider.GetRequiredService<SearchService>()
                .SearchAsync(new SearchRequest { Query = query, Audience = SearchAudience.Staff, Clearance = int.MaxValue }, default);
            if (found.Succeeded && found.Value.Total >= expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The index did not reach {expected} hits for {query}.");
    }

    private static RecordDraft Draft(string title, int year, OpenStatus status) => new()
    {
        FondsCode = "X013",
        Year = year,
        RetentionCode = "Y",
        OrgUnitCode = "BGS",
        Title = title,
        Author = "示例旗人民政府办公室",
        OpenStatus = status,
    };

    private static async Task CreateAsync(LantaiServer server, RecordDraft draft)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RecordService>().CreateAsync(draft, "seed", default);
        Assert.True(result.Succeeded, result.Succeeded ? "" : result.Errors[0].Message);
    }
}
