using Lantai.Tests.Infrastructure;
using Lantai.Tests.Samples;
using Lantai.Transfer.Checks;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Transfer.Checks;

public sealed class CheckEngineTests
{
    private static readonly string PdfA = ContentSamples.File(ContentSamples.NoticeBaseName + ".pdfa.pdf");

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Engine_RunsEnabledRulesOfTheStageInOrder_AndFailsOnABlockingFailure(DatabaseProvider provider)
    {
        await using var bench = await CheckBench.CreateAsync(provider);
        await CheckRuleSeeder.EnsureAsync(bench.Db, default);
        var stray = await bench.Db.CheckRules.SingleAsync(r => r.Code == "YJ-4-3");
        stray.Enabled = false;
        await bench.Db.SaveChangesAsync();
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0001"), "通知.pdf");
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0002", 2), "缺失.pdf");
        bench.File("通知.pdf", PdfA);

        var report = await bench.Engine().RunAsync(bench.Context(), "archivist", null, default);

        var expected = CheckRules.Defaults.Where(r => r.Stage == CheckStage.Transfer && r.Code != "YJ-4-3").OrderBy(r => r.SortOrder).Select(r => r.Code).ToList();
        Assert.Equal(expected, report.Results.Select(r => r.Code).Distinct().ToList());
        Assert.Equal(Enumerable.Range(1, report.Results.Count), report.Results.Select(r => r.Sequence));
        Assert.All(report.Results, r => Assert.Equal(report.Run.Id, r.RunId));
        Assert.Equal(CheckOutcome.Failed, report.Run.Outcome);
        Assert.Contains(report.Results, r => r.Code == "YJ-2-7" && r.Outcome == CheckOutcome.Failed && r.Evidence.Contains("缺失.pdf", StringComparison.Ordinal));
        Assert.Equal("pdfa-2b", report.Formats["通知.pdf"].FormatId);
        Assert.Contains("PdfPig", report.Run.Tools, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Engine_GoodPackage_PassesWithNotCheckedLinesShown(DatabaseProvider provider)
    {
        await using var bench = await CheckBench.CreateAsync(provider);
        await CheckRuleSeeder.EnsureAsync(bench.Db, default);
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0001", date: new DateOnly(2026, 11, 23)), "通知.pdf");
        bench.File("通知.pdf", PdfA);

        var report = await bench.Engine().RunAsync(bench.Context(), "archivist", null, default);

        Assert.DoesNotContain(report.Results, r => r.Outcome is CheckOutcome.Failed or CheckOutcome.Warning);
        Assert.Equal(CheckOutcome.Passed, report.Run.Outcome);
        // No declaration, no signature, no virus database here: said, not passed.
        Assert.Contains(report.Results, r => r.Code == "YJ-2-1" && r.Outcome == CheckOutcome.NotChecked);
        Assert.Contains(report.Results, r => r.Code == "YJ-4-2" && r.Outcome == CheckOutcome.NotChecked);
    }

    [Fact]
    public async Task Engine_ManualOrUnknownRules_AreNotChecked_NonBlockingFailureWarns()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.Db.CheckRules.AddRange(
            new CheckRule { Code = "YJ-9-1", Name = "人工项", Stage = CheckStage.Transfer, CheckKey = "manual", Automatic = false, SortOrder = 1 },
            new CheckRule { Code = "YJ-9-2", Name = "未知实现", Stage = CheckStage.Transfer, CheckKey = "no.such.check", SortOrder = 2 },
            new CheckRule { Code = "YJ-9-3", Name = "文件齐全（非阻断）", Stage = CheckStage.Transfer, CheckKey = CheckKeys.ItemFiles, Blocking = false, SortOrder = 3 },
            new CheckRule { Code = "GD-9-1", Name = "其他阶段", Stage = CheckStage.Filing, CheckKey = CheckKeys.ItemFiles, SortOrder = 0 });
        await bench.Db.SaveChangesAsync();
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0001"), "缺失.pdf");

        var report = await bench.Engine().RunAsync(bench.Context(), "archivist", null, default);

        Assert.Equal(["YJ-9-1", "YJ-9-2", "YJ-9-3"], report.Results.Select(r => r.Code));
        Assert.Equal([CheckOutcome.NotChecked, CheckOutcome.NotChecked, CheckOutcome.Failed], report.Results.Select(r => r.Outcome));
        Assert.Equal(CheckOutcome.Warning, report.Run.Outcome);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Seeder_IsIdempotent_AndKeepsAdministratorEdits(DatabaseProvider provider)
    {
        await using var bench = await CheckBench.CreateAsync(provider);
        var added = await CheckRuleSeeder.EnsureAsync(bench.Db, default);
        var rule = await bench.Db.CheckRules.SingleAsync(r => r.Code == "YJ-3-3");
        rule.Parameters = """{"accepted":["ofd"]}""";
        rule.Blocking = false;
        bench.Db.CheckRules.Remove(await bench.Db.CheckRules.SingleAsync(r => r.Code == "BC-4-2"));
        await bench.Db.SaveChangesAsync();
        bench.Db.ChangeTracker.Clear();

        var again = await CheckRuleSeeder.EnsureAsync(bench.Db, default);

        Assert.Equal(CheckRules.Defaults.Count, added);
        Assert.Equal(1, again);
        var kept = await bench.Db.CheckRules.AsNoTracking().SingleAsync(r => r.Code == "YJ-3-3");
        Assert.Equal("""{"accepted":["ofd"]}""", kept.Parameters);
        Assert.False(kept.Blocking);
        Assert.Equal(0, await CheckRuleSeeder.EnsureAsync(bench.Db, default));
    }

    [Fact]
    public void Defaults_CodesAreUniqueAndEveryStageHasTheMainItems()
    {
        var rules = CheckRules.Defaults;
        Assert.Equal(rules.Count, rules.Select(r => r.Code).Distinct().Count());
        foreach (var stage in new[] { "GD", "YJ", "BC" })
        {
            foreach (var code in new[] { "-1-1-1", "-1-7", "-2-7", "-3-3", "-3-4", "-4-2" })
            {
                Assert.Contains(rules, r => r.Code == stage + code);
            }
        }
    }

    [Fact]
    public async Task Engine_ItemOverManyFiles_ReportsHowManyFilesItHasJudged()
    {
        await using var bench = await CheckBench.CreateAsync();
        await CheckRuleSeeder.EnsureAsync(bench.Db, default);
        for (var i = 1; i <= 250; i++)
        {
            bench.Text($"说明/第{i:000}号.txt", $"第{i}号说明");
        }

        var messages = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await bench.Engine().RunAsync(bench.Context(), "archivist", new Collect(p => messages.Enqueue(p.Message ?? "")), default);

        var readability = CheckRules.Defaults.Single(r => r.Stage == CheckStage.Transfer && r.CheckKey == CheckKeys.ContentReadable);
        Assert.Contains($"{readability.Code} {readability.Name}：已检 100 个文件", messages);
        Assert.Contains($"{readability.Code} {readability.Name}：已检 200 个文件", messages);
    }

    /// <summary>Reports on the caller's thread, unlike Progress&lt;T&gt;, so every report is in before the run returns.</summary>
    private sealed class Collect(Action<Lantai.Jobs.JobProgress> report) : IProgress<Lantai.Jobs.JobProgress>
    {
        public void Report(Lantai.Jobs.JobProgress value) => report(value);
    }
}
