using System.Text.Json;
using Lantai.Catalogue;
using Lantai.Tests.Cli;
using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Search.Web;

/// <summary>`lantai search` in-process against a real database and a real index in the test's data directory.</summary>
public sealed class SearchCliTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SearchJson_CatchesTheIndexUp_ThenPrintsOneObjectPerHitAndASummary(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        var result = await CliRunner.RunAsync([.. CliRunner.Target(database), "search", "档案", "--json", "--sort", "code"]);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"title\":\"关于档案征集工作的批复\"", result.Output, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(lines[^1]);
        Assert.Equal(3, summary.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(3, summary.RootElement.GetProperty("shown").GetInt32());
        Assert.False(summary.RootElement.GetProperty("timedOut").GetBoolean());
        foreach (var line in lines[..^1])
        {
            using var hit = JsonDocument.Parse(line);
            Assert.StartsWith("X013-WS·", hit.RootElement.GetProperty("archivalCode").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SearchPublic_LeavesOutControlledAndClassifiedRecords()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(database);

        var result = await CliRunner.RunAsync([.. CliRunner.Target(database), "search", "档案", "--public"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("征集工作", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("库房改造", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("保密工作", result.Output, StringComparison.Ordinal);
        Assert.Contains("共找到 1 件", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_PrintsATableWithTotalAndTime_AndHonoursTheLimit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(database);

        var result = await CliRunner.RunAsync([.. CliRunner.Target(database), "search", "档案", "--limit", "2", "--year-from", "2016", "--year-to", "2019"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("档号", result.Output, StringComparison.Ordinal);
        Assert.Contains("开放状态", result.Output, StringComparison.Ordinal);
        Assert.Contains("共找到 3 件，列出 2 件，用时", result.Output, StringComparison.Ordinal);
        Assert.Contains("毫秒", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPublic_OnAStaffOnlyField_IsRefusedWithExitOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(database);

        var result = await CliRunner.RunAsync([.. CliRunner.Target(database), "search", "备注:钥匙", "--public"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("备注", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithWrongOptions_IsAUsageError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var target = CliRunner.Target(database);

        var sort = await CliRunner.RunAsync([.. target, "search", "档案", "--sort", "sideways"]);
        var limit = await CliRunner.RunAsync([.. target, "search", "档案", "--limit", "0"]);
        var years = await CliRunner.RunAsync([.. target, "search", "档案", "--year-from", "2020", "--year-to", "2010"]);

        Assert.Equal(2, sort.ExitCode);
        Assert.Equal(2, limit.ExitCode);
        Assert.Equal(2, years.ExitCode);
        Assert.Contains("起始年度不晚于终止年度", years.Error, StringComparison.Ordinal);
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        Assert.True((await new FondsService(db, TimeProvider.System).CreateAsync(new FondsDraft { Code = "X013", Name = "示例旗人民政府办公室" }, "test", default)).Succeeded);
        var records = new RecordService(db, TimeProvider.System);
        foreach (var (title, year, status, classification) in new[]
        {
            ("关于档案征集工作的批复", 2016, OpenStatus.Open, ""),
            ("关于档案馆库房改造的请示", 2018, OpenStatus.Controlled, ""),
            ("档案保密工作检查情况的报告", 2019, OpenStatus.Open, "秘密"),
            ("关于会计凭证装订的通知", 2019, OpenStatus.Open, ""),
        })
        {
            var created = await records.CreateAsync(new RecordDraft
            {
                FondsCode = "X013",
                Year = year,
                RetentionCode = "Y",
                OrgUnitCode = "BGS",
                Title = title,
                Author = "示例旗人民政府办公室",
                OpenStatus = status,
                Classification = classification,
            }, "test", default);
            Assert.True(created.Succeeded, created.Succeeded ? "" : created.Errors[0].Message);
        }
    }
}
