using System.Xml.Linq;
using Lantai.Tests.Catalogue.Export;
using Lantai.Transfer.Reports;

namespace Lantai.Tests.Transfer;

public sealed class TransferReportExportTests
{
    private static readonly XNamespace R = CheckReportXml.Namespace;

    [Fact]
    public async Task ReportPdf_ReadsBackInChinese_WithTotalsLinesAndPageNumbers()
    {
        var detail = TransferTestData.Detail();
        using var output = new MemoryStream();
        var beijing = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        beijing.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        var pages = await new TransferReportExporter(beijing).WritePdfAsync(detail, output, default);

        Assert.Equal(1, pages);
        var text = Poppler.Squeeze(await Poppler.TextAsync(output.ToArray()));
        var layout = Poppler.Squeeze(await Poppler.TextAsync(output.ToArray(), layout: true));
        Assert.Contains("电子文件四性检测报告", text, StringComparison.Ordinal);
        Assert.Contains(Poppler.Squeeze(detail.Transfer.Name), text, StringComparison.Ordinal);
        Assert.Contains("示例旗人民政府办公室", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-2009:30:00", text, StringComparison.Ordinal);
        Assert.Contains("检测结论：不通过", layout, StringComparison.Ordinal);
        foreach (var word in new[] { "真实性", "完整性", "可用性", "安全性", "通过", "不通过", "警告", "未检测", "第1页共1页" })
        {
            Assert.Contains(word, text, StringComparison.Ordinal);
        }

        foreach (var line in detail.Results)
        {
            Assert.Contains(line.Code, text, StringComparison.Ordinal);
            Assert.Contains(line.Name, text, StringComparison.Ordinal);
        }

        Assert.Contains("第3行", text, StringComparison.Ordinal);
        Assert.Contains(TransferTestData.FailedCode, text, StringComparison.Ordinal);
        Assert.Contains("未安装ClamAV", text, StringComparison.Ordinal);
        // Totals row of 真实性: 2 passed, 0 failed, 0 warnings, 0 not checked, 2 in all.
        Assert.Contains("真实性20002", layout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPdf_ManyLines_RunsOverSeveralNumberedPages()
    {
        var detail = TransferTestData.Detail();
        var many = Enumerable.Range(1, 120).Select(i => new Lantai.Transfer.Checks.CheckResult
        {
            RunId = detail.Run!.Id,
            Sequence = i,
            Code = "YJ-3-3",
            Name = "文件格式检测",
            Property = Lantai.Transfer.Checks.CheckProperty.Usability,
            Outcome = Lantai.Transfer.Checks.CheckOutcome.Passed,
            Evidence = $"第{i}个文件为PDF/A-2b",
            FilePath = $"文件/{i:D4}.pdf",
        }).ToList();
        detail = detail with { Results = many };
        using var output = new MemoryStream();

        var pages = await new TransferReportExporter(TimeProvider.System).WritePdfAsync(detail, output, default);

        Assert.True(pages >= 3, $"{pages} pages");
        var last = Poppler.Squeeze(await Poppler.TextAsync(output.ToArray(), pages));
        Assert.Contains($"第{pages}页共{pages}页", last, StringComparison.Ordinal);
        Assert.Contains("编号", last, StringComparison.Ordinal); // the table header repeats
        Assert.Contains("第120个文件为PDF/A-2b", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportXml_CarriesChineseNamesCodesTotalsAndEveryLine()
    {
        var detail = TransferTestData.Detail();
        using var output = new MemoryStream();

        await TransferReportExporter.WriteXmlAsync(detail, output, default);

        output.Position = 0;
        var xml = XDocument.Load(output);
        var root = xml.Root!;
        Assert.Equal(R + "检测报告", root.Name);
        Assert.Equal(detail.Transfer.Name, root.Element(R + "移交")!.Element(R + "名称")!.Value);
        Assert.Equal("Failed", root.Element(R + "检测")!.Element(R + "结论")!.Attribute("代码")!.Value);
        Assert.Equal("不通过", root.Element(R + "检测")!.Element(R + "结论")!.Value);
        var integrity = root.Element(R + "汇总")!.Elements(R + "性质").Single(e => e.Attribute("代码")!.Value == "Integrity");
        Assert.Equal("完整性", integrity.Attribute("名称")!.Value);
        Assert.Equal("1", integrity.Attribute("不通过")!.Value);
        Assert.Equal("1", integrity.Attribute("警告")!.Value);
        var lines = root.Element(R + "检测项列表")!.Elements(R + "检测项").ToList();
        Assert.Equal(detail.Results.Count, lines.Count);
        var failed = lines.Single(l => l.Element(R + "编号")!.Value == "YJ-2-1");
        Assert.Equal("不通过", failed.Element(R + "结果")!.Value);
        Assert.Equal("Failed", failed.Element(R + "结果")!.Attribute("代码")!.Value);
        Assert.Equal(TransferTestData.FailedCode, failed.Element(R + "条目")!.Attribute("档号")!.Value);
        Assert.Equal("3", failed.Element(R + "条目")!.Attribute("行号")!.Value);
        Assert.Equal("未检测", lines.Single(l => l.Element(R + "编号")!.Value == "YJ-4-2").Element(R + "结果")!.Value);
        // A control character quoted in evidence is spelled out, so the document stays well formed.
        Assert.Contains("U+0001", lines.Single(l => l.Element(R + "编号")!.Value == "YJ-4-1").Element(R + "证据")!.Value, StringComparison.Ordinal);
    }
}
