using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

using Lantai.Tests.Catalogue;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Samples;
using Lantai.Transfer.Checks;
using Lantai.Transfer.Checks.Authenticity;
using Lantai.Transfer.Checks.Integrity;
using Lantai.Transfer.Checks.Security;

#pragma warning disable CA5351 // MD5 is what packages and ClamAV .hdb files declare; verified, not chosen.

namespace Lantai.Tests.Transfer.Checks;

public sealed class PackageChecksTests
{
    private static readonly string Pdf = ContentSamples.File(ContentSamples.NoticeBaseName + ".pdf");

    [Fact]
    public async Task ItemFiles_MissingFile_FailsNamingRowAndFile()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0001"), "通知.pdf");
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0002", 2), "附件.pdf");
        bench.File("通知.pdf", Pdf);

        var findings = await bench.RunAsync(new ItemFilesCheck());

        var failed = Assert.Single(findings, f => f.Outcome == CheckOutcome.Failed);
        Assert.Equal("第3行：文件“附件.pdf”不在包内", failed.Evidence);
    }

    [Fact]
    public async Task StrayFiles_FileNoRowNames_Fails_CatalogueIgnored()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0001"), "通知.pdf");
        bench.File("通知.pdf", Pdf);
        bench.File("草稿/旧稿.pdf", Pdf);
        bench.Text("目录.csv", "档号,题名,文件\n");

        var findings = await bench.RunAsync(new StrayFilesCheck());

        var stray = Assert.Single(findings);
        Assert.Equal(CheckOutcome.Failed, stray.Outcome);
        Assert.Equal("草稿/旧稿.pdf", stray.FilePath);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ArchivalCodeUnique_CodeAlreadyInCatalogueOrTwiceInPackage_Fails(DatabaseProvider provider)
    {
        await using var bench = await CheckBench.CreateAsync(provider);
        await CatalogueTestData.CreateFondsAsync(bench.Db);
        var existing = await CatalogueTestData.CreateRecordAsync(bench.Db, CatalogueTestData.Draft("关于红色档案征集工作的批复"));
        bench.Item(CheckBench.Record(existing.ArchivalCode));
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0002", 2));
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0002", 2));
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0003", 3));

        var findings = await bench.RunAsync(new ArchivalCodeUniqueCheck());

        Assert.Contains(findings, f => f.Outcome == CheckOutcome.Failed && f.Evidence == $"第2行：档号“{existing.ArchivalCode}”已在馆藏目录中");
        Assert.Equal(2, findings.Count(f => f.Outcome == CheckOutcome.Failed && f.Evidence.Contains("在包内重复", StringComparison.Ordinal)));
        Assert.Equal("1 条档号在包内和馆藏目录中均唯一", Assert.Single(findings, f => f.Outcome == CheckOutcome.Passed).Evidence);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ArchivalCodeUnique_RecordsOwnRow_DoesNotCount(DatabaseProvider provider)
    {
        await using var bench = await CheckBench.CreateAsync(provider);
        await CatalogueTestData.CreateFondsAsync(bench.Db);
        var stored = await CatalogueTestData.CreateRecordAsync(bench.Db, CatalogueTestData.Draft("关于红色档案征集工作的批复"));
        bench.Item(stored);

        var findings = await bench.RunAsync(new ArchivalCodeUniqueCheck(), stage: CheckStage.Preservation);

        Assert.Equal(CheckOutcome.Passed, Assert.Single(findings).Outcome);
    }

    [Fact]
    public async Task ArchivalCodeFormat_MalformedOrDisagreeing_Fails()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0001"));
        bench.Item(CheckBench.Record("0426-WS-2023-Y-BGS-0002", 2));
        bench.Item(CheckBench.Record("0426-WS·2022-Y-BGS-0003", 3));

        var findings = await bench.RunAsync(new ArchivalCodeFormatCheck());

        Assert.Contains(findings, f => f.Evidence.StartsWith("第3行：档号“0426-WS-2023-Y-BGS-0002”格式错误", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Evidence.Contains("年度“2023”与档号中的“2022”不一致", StringComparison.Ordinal));
        Assert.Equal(CheckOutcome.Passed, Assert.Single(findings, f => f.ItemId is null).Outcome);
    }

    [Fact]
    public async Task RequiredMetadataAndRowErrors_AreReportedByRow()
    {
        await using var bench = await CheckBench.CreateAsync();
        var record = CheckBench.Record("0426-WS·2023-Y-BGS-0001");
        record.Author = null;
        record.Date = null;
        bench.Item(record, "a.pdf");
        bench.Item(null, "b.pdf");
        var broken = new CheckSubjectItem { ItemId = Guid.NewGuid(), RowNumber = 9, FileRefs = [], RowErrors = ["保管期限: 保管期限代码“X”无效"] };
        var context = bench.Context();
        context = new CheckContext { Stage = context.Stage, Root = context.Root, Files = context.Files, Items = [.. context.Items, broken], Db = bench.Db };

        var required = await new RequiredMetadataCheck().RunAsync(context, CheckBench.Rule(CheckKeys.RequiredMetadata), default);
        var rows = await new CatalogueRowsCheck().RunAsync(context, CheckBench.Rule(CheckKeys.CatalogueRows), default);

        Assert.Contains(required, f => f.Evidence == "第2行：缺少必填著录项：责任者、日期");
        Assert.Contains(rows, f => f.Evidence == "第9行：保管期限: 保管期限代码“X”无效");
        Assert.Contains(rows, f => f.Evidence == "第3行：无法读取为档案条目");
    }

    [Fact]
    public async Task DeclaredCounts_CompareItemsFilesAndBytes()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0001"), "通知.pdf");
        var file = bench.File("通知.pdf", Pdf);
        var declaration = new PackageDeclaration { ItemCount = 1, FileCount = 2, TotalBytes = file.Length, Source = "bag-info.txt Payload-Oxum" };
        var context = bench.Context(declaration: declaration);

        var counts = await new DeclaredCountsCheck().RunAsync(context, CheckBench.Rule(CheckKeys.DeclaredCounts, """{"measure":"count"}"""), default);
        var bytes = await new DeclaredCountsCheck().RunAsync(context, CheckBench.Rule(CheckKeys.DeclaredCounts, """{"measure":"bytes"}"""), default);
        var none = await new DeclaredCountsCheck().RunAsync(bench.Context(), CheckBench.Rule(CheckKeys.DeclaredCounts), default);

        Assert.Equal([CheckOutcome.Passed, CheckOutcome.Failed], counts.Select(f => f.Outcome));
        Assert.Equal(CheckOutcome.Passed, Assert.Single(bytes).Outcome);
        Assert.Equal(CheckOutcome.NotChecked, Assert.Single(none).Outcome);
    }

    [Fact]
    public async Task PackageOpening_Problems_Fail()
    {
        await using var bench = await CheckBench.CreateAsync();
        var context = bench.Context(opening: ["条目“../etc/passwd”指向包外，已拒绝"]);

        var findings = await new PackageOpeningCheck().RunAsync(context, CheckBench.Rule(CheckKeys.PackageOpening), default);

        Assert.Equal(CheckOutcome.Failed, Assert.Single(findings).Outcome);
    }

    [Fact]
    public async Task VirusScan_NoDatabase_IsNotCheckedWithReason()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.File("通知.pdf", Pdf);
        var empty = Directory.CreateTempSubdirectory("lantai-clamdb-").FullName;

        var finding = Assert.Single(await bench.RunAsync(new VirusScanCheck(), $$"""{"database":"{{empty}}"}"""));

        Assert.Equal(CheckOutcome.NotChecked, finding.Outcome);
        Assert.Contains("病毒库不存在", finding.Evidence, StringComparison.Ordinal);
        Directory.Delete(empty);
    }

    [Fact]
    public async Task VirusScan_TestSignatureDatabase_DetectsTheFile()
    {
        // A signature database built here: the MD5 of a harmless marker file, in ClamAV's .hdb form (md5:size:name).
        await using var bench = await CheckBench.CreateAsync();
        var marker = Encoding.ASCII.GetBytes("Lantai ClamAV test marker " + Guid.NewGuid().ToString("N"));
        bench.File("通知.pdf", Pdf);
        bench.Bytes("附件/说明.txt", marker);
        var database = Directory.CreateTempSubdirectory("lantai-clamdb-").FullName;
        await File.WriteAllTextAsync(Path.Combine(database, "lantai-test.hdb"), $"{Convert.ToHexStringLower(MD5.HashData(marker))}:{marker.Length}:Lantai.Test.Marker\n");

        var findings = await bench.RunAsync(new VirusScanCheck(), $$"""{"database":"{{database}}"}""");

        var infected = Assert.Single(findings);
        Assert.Equal(CheckOutcome.Failed, infected.Outcome);
        Assert.Equal("附件/说明.txt", infected.FilePath);
        Assert.Contains("Lantai.Test.Marker", infected.Evidence, StringComparison.Ordinal);
        Directory.Delete(database, recursive: true);
    }
}
