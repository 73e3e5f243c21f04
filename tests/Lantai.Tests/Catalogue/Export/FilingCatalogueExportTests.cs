using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Lantai.Catalogue;
using Lantai.Catalogue.Export;
using Lantai.Tests.Infrastructure;
using MiniExcelLibs;

namespace Lantai.Tests.Catalogue.Export;

public sealed class FilingCatalogueExportTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Xlsx_ReadBackWithMiniExcel_EqualsTheRecordsAsText(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var records = await ExportCatalogue.CreateAsync(database);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();

        var summary = await ExportCatalogue.Exporter(db).WriteXlsxAsync(ExportCatalogue.All, output, default);

        output.Position = 0;
        var rows = MiniExcel.Query(output, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var expected = records.OrderBy(r => r.ArchivalCode, StringComparer.Ordinal).Select((r, i) => FilingCatalogueRow.From(r, i + 1)).ToList();
        Assert.Equal(records.Count, summary.Records);
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var actual = FilingCatalogueRow.Headers.Select(h => rows[i][h]?.ToString() ?? "").ToList();
            Assert.Equal(expected[i].Cells, actual);
        }

        Assert.Contains(rows, r => (string?)r["档号"] == "0426-WS·2016-Y-BGS-0001");
        Assert.Contains(rows, r => (string?)r["日期"] == "20160312");
        Assert.Contains(rows, r => (string?)r["题名"] == "[乌兰牧骑档案整理工作会议记录]");
        Assert.Contains(rows, r => (string?)r["题名"] == ExportCatalogue.Mongolian);
    }

    [Fact]
    public async Task Xlsx_FormulaLikeTitles_AreInlineTextNeverFormulas()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExportCatalogue.CreateAsync(database);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();

        await ExportCatalogue.Exporter(db).WriteXlsxAsync(ExportCatalogue.All, output, default);

        output.Position = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Read);
        var sheet = await ReadEntryAsync(zip, "xl/worksheets/sheet1.xml");
        var styles = await ReadEntryAsync(zip, "xl/styles.xml");
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f ", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("sharedStrings", string.Join(",", zip.Entries.Select(e => e.FullName)), StringComparison.Ordinal);
        foreach (var title in new[] { "+号开头的题名", "-减号开头的题名", "@提及开头的题名" })
        {
            // Style 3 is the Text (@) format with quotePrefix: Excel's stored apostrophe.
            Assert.Matches(new Regex($"<c r=\"E\\d+\" s=\"3\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{Regex.Escape(title)}</t></is></c>"), sheet);
        }

        Assert.Matches(new Regex("<c r=\"E\\d+\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">关于红色档案征集工作的批复</t>"), sheet);
        Assert.Contains("<t xml:space=\"preserve\">0426-WS·2016-Y-BGS-0001</t>", sheet, StringComparison.Ordinal);
        Assert.Contains("quotePrefix=\"1\"", styles, StringComparison.Ordinal);
        Assert.Contains("numFmtId=\"49\"", styles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_FormulaLikeCells_GetALeadingApostrophe()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExportCatalogue.CreateAsync(database);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();

        await ExportCatalogue.Exporter(db).WriteCsvAsync(ExportCatalogue.All, output, default);

        var bytes = output.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("序号,档号,文号,责任者,题名,日期,密级,页数,备注", lines[0]);
        Assert.Contains(lines, l => l.Contains(",'+号开头的题名,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",'-减号开头的题名,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",'@提及开头的题名,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("1,0426-WS·2016-Y-BGS-0001,示旗政办发〔2016〕44号,示例旗档案局,关于红色档案征集工作的批复,20160312,,3,有领导批示", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_BelowAClassification_LeavesThoseRecordsOut()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExportCatalogue.CreateAsync(database);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();

        var summary = await ExportCatalogue.Exporter(db).WriteXlsxAsync(new RecordFilter { Clearance = 0 }, output, default);

        output.Position = 0;
        var titles = MiniExcel.Query(output, useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r["题名"]?.ToString()).ToList();
        Assert.DoesNotContain("内部文件的题名", titles);
        Assert.Equal(titles.Count, summary.Records);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pdf_TextReadsBack_CodesTitlesAndPageHeaders(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var records = await ExportCatalogue.CreateAsync(database);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();

        var summary = await ExportCatalogue.Exporter(db).WritePdfAsync(ExportCatalogue.All, output, default);

        var pdf = output.ToArray();
        Assert.Equal(2, summary.Pages); // two classes: 2016 永久 and 2017 定期30年, each on its own page
        var first = Poppler.Squeeze(await Poppler.TextAsync(pdf, 1));
        var second = Poppler.Squeeze(await Poppler.TextAsync(pdf, 2));
        foreach (var text in new[] { "归档文件目录", "全宗号：0426", "全宗名称：示例旗人民政府办公室", "门类：文书", "年度：2016", "保管期限：永久", "第1页共2页" })
        {
            Assert.Contains(text, first, StringComparison.Ordinal);
        }

        foreach (var header in FilingCatalogueRow.Headers)
        {
            Assert.Contains(header, first, StringComparison.Ordinal);
            Assert.Contains(header, second, StringComparison.Ordinal);
        }

        foreach (var record in records.Where(r => r.Year == 2016))
        {
            Assert.Contains(Poppler.Squeeze(record.ArchivalCode), first, StringComparison.Ordinal);
            Assert.Contains(Poppler.Squeeze(record.TitleSupplied ? $"[{record.Title}]" : record.Title), first, StringComparison.Ordinal);
        }

        Assert.Contains("20160312", first, StringComparison.Ordinal);
        Assert.Contains(Poppler.Squeeze(ExportCatalogue.Mongolian), first, StringComparison.Ordinal);
        Assert.Contains(ExportCatalogue.Traditional, first, StringComparison.Ordinal);
        foreach (var text in new[] { "年度：2017", "保管期限：定期30年", "0426-WS·2017-D30-BGS-0001", "关于做好档案馆新馆建设工作的通知", "第2页共2页" })
        {
            Assert.Contains(text, second, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("2016-Y-BGS", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_LongClass_RepeatsTheTableHeaderAndNumbersOnEveryPage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExportCatalogue.CreateAsync(database, extra: 45);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();

        var summary = await ExportCatalogue.Exporter(db).WritePdfAsync(new RecordFilter { Clearance = int.MaxValue, Year = 2016 }, output, default);

        Assert.Equal(53, summary.Records);
        Assert.True(summary.Pages >= 3, $"expected several pages, got {summary.Pages}");
        var pdf = output.ToArray();
        for (var page = 1; page <= summary.Pages; page++)
        {
            var text = Poppler.Squeeze(await Poppler.TextAsync(pdf, page, layout: true));
            Assert.Contains("序号档号文号责任者题名日期密级页数备注", text, StringComparison.Ordinal);
            Assert.Contains("年度：2016", text, StringComparison.Ordinal);
            Assert.Contains($"第{page}页共{summary.Pages}页", text, StringComparison.Ordinal);
        }

        // The row numbers run on across pages: the last item of the class is number 53 on the last page.
        var last = Poppler.Squeeze(await Poppler.TextAsync(pdf, summary.Pages, layout: true));
        Assert.Contains("530426-WS·2016-Y-BGS-0053", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_EmbedsTrueTypeSubsetsOfBothFonts_AndStaysSmall()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExportCatalogue.CreateAsync(database);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();

        await ExportCatalogue.Exporter(db).WritePdfAsync(ExportCatalogue.All, output, default);

        var fonts = await Poppler.FontsAsync(output.ToArray());
        Assert.Matches(new Regex(@"WenQuanYiZenHei\s+CID TrueType\s+Identity-H\s+yes yes yes"), fonts);
        Assert.Matches(new Regex(@"NotoSansMongolian-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes"), fonts);
        // The whole Zen Hei collection would add 9 MB; the subset keeps a catalogue of a few pages small.
        Assert.True(output.Length < 600_000, $"PDF is {output.Length} bytes");
    }

    [Fact]
    public async Task Pdf_EmptySelection_IsOnePageSayingSo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();

        var summary = await ExportCatalogue.Exporter(db).WritePdfAsync(ExportCatalogue.All, output, default);

        Assert.Equal(new ExportSummary(0, 1), summary);
        Assert.Contains("没有符合条件的档案", Poppler.Squeeze(await Poppler.TextAsync(output.ToArray())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_ToAnOutputRefusingSynchronousWrites_Succeed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExportCatalogue.CreateAsync(database);
        await using var db = database.CreateContext();
        var exporter = ExportCatalogue.Exporter(db);
        var xlsx = new AsyncOnlyStream();
        var csv = new AsyncOnlyStream();
        var pdf = new AsyncOnlyStream();
        var stamps = new AsyncOnlyStream();

        await exporter.WriteXlsxAsync(ExportCatalogue.All, xlsx, default);
        await exporter.WriteCsvAsync(ExportCatalogue.All, csv, default);
        await exporter.WritePdfAsync(ExportCatalogue.All, pdf, default);
        await ExportCatalogue.Stamps(db).WritePdfAsync(ExportCatalogue.All, stamps, default);

        using var read = new MemoryStream(xlsx.ToArray());
        Assert.Equal(9, MiniExcel.Query(read, useHeaderRow: true).Count());
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf.ToArray()[..5]), StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(stamps.ToArray()[..5]), StringComparison.Ordinal);
        Assert.True(csv.ToArray().Length > 100);
    }

    private static async Task<string> ReadEntryAsync(ZipArchive zip, string name)
    {
        await using var stream = await zip.GetEntry(name)!.OpenAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
