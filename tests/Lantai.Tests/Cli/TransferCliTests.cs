using System.Text.Json;
using System.Xml.Linq;
using Lantai.Tests.Catalogue.Export;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Transfer;
using Lantai.Transfer.Reports;

namespace Lantai.Tests.Cli;

public sealed class TransferCliTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TransferList_AndReport_PrintAndExportTheCheckReport(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        TransferDetailHolder detail;
        await using (var db = database.CreateContext())
        {
            detail = new(await TransferTestData.InsertAsync(db));
        }

        var target = CliRunner.Target(database);
        var pdf = Path.Combine(database.DataDir, "报告.pdf");
        var xml = Path.Combine(database.DataDir, "报告.xml");
        var id = detail.Value.Transfer.Id.ToString();

        var list = await CliRunner.RunAsync([.. target, "transfer", "list"]);
        var listJson = await CliRunner.RunAsync([.. target, "--json", "transfer", "list"]);
        var report = await CliRunner.RunAsync([.. target, "transfer", "report", id]);
        var files = await CliRunner.RunAsync([.. target, "transfer", "report", id, "--pdf", pdf, "--xml", xml]);
        var unknown = await CliRunner.RunAsync([.. target, "transfer", "report", Guid.NewGuid().ToString()]);

        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Contains(detail.Value.Transfer.Name, list.Output, StringComparison.Ordinal);
        Assert.Contains("待决定", list.Output, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(listJson.Output);
        Assert.Equal(id, parsed.RootElement[0].GetProperty("id").GetString());
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Contains("YJ-2-1", report.Output, StringComparison.Ordinal);
        Assert.Contains("不通过", report.Output, StringComparison.Ordinal);
        Assert.Contains("检测结论：不通过", report.Output, StringComparison.Ordinal);
        Assert.True(files.ExitCode == 0, files.Error);
        Assert.Contains("电子文件四性检测报告", Poppler.Squeeze(await Poppler.TextAsync(await File.ReadAllBytesAsync(pdf))), StringComparison.Ordinal);
        Assert.Equal(XName.Get("检测报告", CheckReportXml.Namespace), XDocument.Load(xml).Root!.Name);
        Assert.Equal(1, unknown.ExitCode);
    }

    [Fact]
    public async Task TransferCheck_MissingPath_IsAUsageError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await CliRunner.RunAsync([.. CliRunner.Target(database), "transfer", "check", Path.Combine(database.DataDir, "没有这个包.zip")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("找不到移交包", result.Error, StringComparison.Ordinal);
    }

    private sealed record TransferDetailHolder(Lantai.Transfer.TransferDetail Value);
}
