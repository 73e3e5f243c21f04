using Lantai.Catalogue;
using Lantai.Catalogue.Import;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Lantai.Tests.Catalogue.Import;

/// <summary>Import cases built by the tests themselves: header variants, cell forms, numbering, fonds, duplicates.</summary>
public sealed class GeneratedImportTests
{
    private static Task<Lantai.Common.Result<ImportOutcome>> CommitAsync(TestDatabase database, ImportSource source, ImportOptions? options = null) =>
        SampleImportTests.CommitAsync(database, source, options);

    private static Task<ImportPreview> PreviewAsync(TestDatabase database, ImportSource source, ImportOptions? options = null) =>
        SampleImportTests.PreviewAsync(database, source, options);

    private static async Task CreateFondsAsync(TestDatabase database, string code)
    {
        await using var db = database.CreateContext();
        Assert.True((await new FondsService(db, TimeProvider.System).CreateAsync(new FondsDraft { Code = code, Name = "示例旗档案局" }, "test", default)).Succeeded);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_HeaderVariants_AreRecognisedInAnyOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var csv = """
            序号,题 名,成文日期,机构（问题）,保管期限代码,年度,全宗号,件号,密级代码,载体类型,门类代码,开放状态,责任者,来源,备注
            1,关于档案工作的通知,2016-03-12,BGS,D30,2016,0426,3,内部,纸质,WS,开放,示例旗档案局,旧目录第5页,原件破损
            2,关于档案工作的批复,2016/3/13,BGS,D30,2016,0426,4,,,WS,部分开放,示例旗档案局,,
            """;

        var preview = await PreviewAsync(database, ImportSamples.Csv(csv));
        var result = await CommitAsync(database, ImportSamples.Csv(csv));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(ImportColumn.Ignored, preview.Columns[0].Column);
        Assert.Equal([ImportColumn.Title, ImportColumn.Date, ImportColumn.OrgUnit, ImportColumn.Retention], preview.Columns.Skip(1).Take(4).Select(c => c.Column));
        Assert.Equal(ImportColumn.Unknown, preview.Columns.Single(c => c.Header == "来源").Column);
        Assert.Contains(preview.Warnings, w => w.Column == "来源" && w.Row is null);
        await using var db = database.CreateContext();
        var first = await db.Records.SingleAsync(r => r.ItemNumber == 3);
        Assert.Equal(("0426-WS·2016-D30-BGS-0003", "内部", "纸质", OpenStatus.Open, new DateOnly(2016, 3, 12)), (first.ArchivalCode, first.Classification, first.Carrier, first.OpenStatus, first.Date));
        Assert.Equal("原件破损；来源：旧目录第5页", first.Remarks);
        var second = await db.Records.SingleAsync(r => r.ItemNumber == 4);
        Assert.Equal((OpenStatus.PartlyOpen, (string?)null, new DateOnly(2016, 3, 13)), (second.OpenStatus, second.Remarks, second.Date));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_MissingMandatoryColumns_IsAFileLevelError(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var preview = await PreviewAsync(database, ImportSamples.Csv("全宗号,责任者,题名\n0426,示例旗档案局,关于档案工作的通知\n"));

        Assert.False(preview.CanCommit);
        Assert.Equal(["文件 年度: 缺少必需的列“年度”（或“档号”列）", "文件 保管期限: 缺少必需的列“保管期限”（或“档号”列）"], preview.Errors.Select(e => e.ToString()));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_DateForms_AreAllReadAndImpossibleDatesNamed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] forms = ["20160312", "2016-03-12", "2016/3/12", "2016.3.12", "2016年3月12日", "２０１６-０３-１２", "2016-03-12 00:00:00"];
        var csv = "全宗号,年度,保管期限,题名,日期\n" + string.Join("\n", forms.Select((f, i) => $"0426,2016,Y,通知{i},{f}"))
            + "\n0426,2016,Y,坏日期,2016-02-30\n0426,2016,Y,不全,201603\n0426,2016,Y,乱写,三月十二日\n";

        var preview = await PreviewAsync(database, ImportSamples.Csv(csv));

        Assert.All(preview.Rows.Take(forms.Length), r => Assert.Equal(new DateOnly(2016, 3, 12), r.Record.Date));
        Assert.Equal(
            ["第9行 日期: 日期“2016-02-30”不存在", "第10行 日期: 日期“201603”不完整（应写到日，如 20160312）"],
            preview.Errors.Take(2).Select(e => e.ToString()));
        Assert.StartsWith("第11行 日期: 日期“三月十二日”无法识别", preview.Errors[2].ToString(), StringComparison.Ordinal);
        Assert.Equal(3, preview.ErrorCount);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_QuotedFieldsWithCommasQuotesAndNewlines_KeepOneSpreadsheetRowEach(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var csv = "全宗号,年度,保管期限,题名,备注\n"
            + "0426,2016,Y,\"关于“档案”工作的通知，第一部分\",\"第一行\n第二行\"\n"
            + "0426,2016,Y,\"他说\"\"好\"\"\",\n"
            + "0426,2016,Y,,缺题名\n";

        var preview = await PreviewAsync(database, ImportSamples.Csv(csv));

        Assert.Equal("关于“档案”工作的通知，第一部分", preview.Rows[0].Record.Title);
        Assert.Equal("第一行\r\n第二行", preview.Rows[0].Record.Remarks);
        Assert.Equal("他说\"好\"", preview.Rows[1].Record.Title);
        // The record spanning two lines is one row in a spreadsheet: the empty title is on row 4, not 5.
        Assert.Equal(["第4行 题名: 题名不能为空"], preview.Errors.Select(e => e.ToString()));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_WithoutItemNumbersOrCodes_AssignsNextFreeNumbersInFileOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreateFondsAsync(database, "0426");
        await using (var db = database.CreateContext())
        {
            var records = new RecordService(db, TimeProvider.System);
            foreach (var title in new[] { "甲", "乙" })
            {
                Assert.True((await records.CreateAsync(new RecordDraft { FondsCode = "0426", Year = 2016, RetentionCode = "Y", OrgUnitCode = "BGS", Title = title }, "test", default)).Succeeded);
            }
        }

        var csv = "全宗号,年度,保管期限,机构,题名\n0426,2016,Y,BGS,丙\n0426,2016,Y,CWK,丁\n0426,2016,Y,BGS,戊\n";
        var result = await CommitAsync(database, ImportSamples.Csv(csv));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        await using var check = database.CreateContext();
        var imported = await check.Records.Where(r => r.ImportId == result.Value.ImportId).OrderBy(r => r.ArchivalCode).Select(r => r.ArchivalCode + " " + r.Title).ToListAsync();
        Assert.Equal(["0426-WS·2016-Y-BGS-0003 丙", "0426-WS·2016-Y-BGS-0004 戊", "0426-WS·2016-Y-CWK-0001 丁"], imported);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_NewFonds_IsCreatedWithCreatorNameAndListed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var csv = "全宗号,立档单位,年度,保管期限,机构(问题),题名\nX013,示例旗教育局,2018,D10,办公室,关于教育档案的通知\nX013,示例旗教育局,2018,D10,003,关于教育档案的报告\n";

        var preview = await PreviewAsync(database, ImportSamples.Csv(csv));
        var result = await CommitAsync(database, ImportSamples.Csv(csv));

        Assert.Equal([new ImportNewFonds("X013", "示例旗教育局", 2)], preview.NewFonds);
        Assert.Equal([new ImportNewOrgUnit("X013", "办公室", 2), new ImportNewOrgUnit("X013", "003", 3)], preview.NewOrgUnits);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        await using var db = database.CreateContext();
        var fonds = await db.Fonds.SingleAsync();
        Assert.Equal(("X013", "示例旗教育局", "示例旗教育局"), (fonds.Code, fonds.Name, fonds.CreatorName));
        Assert.Equal(["003", "办公室"], (await db.OrgUnits.Select(o => o.Code).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal("X013-WS·2018-D10-办公室-0001", (await db.Records.SingleAsync(r => r.OrgUnitCode == "办公室")).ArchivalCode);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "fonds.create"));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "orgunit.create"));
        Assert.True((await new Lantai.Security.AuditVerifier(db).VerifyAsync(null, default)).Intact);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_Strict_RefusesEveryRowOfAnUnknownFondsAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreateFondsAsync(database, "0426");
        var csv = "全宗号,年度,保管期限,机构(问题),题名\n0426,2018,D10,,已有全宗\nX013,2018,D10,,新全宗甲\nX013,2018,D10,,新全宗乙\n0426,2018,D10,BGS,新机构\n";

        var result = await CommitAsync(database, ImportSamples.Csv(csv), ImportOptions.Default with { Strict = true });

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["第3行 全宗号: 全宗号“X013”不存在（严格模式下不自动建立全宗，请先建立）", "第4行 全宗号: 全宗号“X013”不存在（严格模式下不自动建立全宗，请先建立）",
             "第5行 机构(问题): 机构(问题)代码“BGS”在全宗“0426”中不存在（严格模式下不自动建立，请先建立）"],
            result.Errors.Select(e => e.Message));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Records.CountAsync());
        Assert.Equal(1, await db.Fonds.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_DuplicateOfARecordInTheDatabase_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreateFondsAsync(database, "0426");
        await using (var db = database.CreateContext())
        {
            var created = await new RecordService(db, TimeProvider.System).CreateAsync(
                new RecordDraft { FondsCode = "0426", Year = 2016, RetentionCode = "Y", OrgUnitCode = "BGS", ItemNumber = 2, Title = "已在库中" }, "test", default);
            Assert.True(created.Succeeded);
        }

        var csv = $"{ImportSamples.Header}\n"
            + "0426-WS·2016-Y-BGS-0001,0426,2016,Y,BGS,1,责任者,,新的一件,20160101,1,,\n"
            + "0426-WS·2016-Y-BGS-0002,0426,2016,Y,BGS,2,责任者,,与库中重复,20160101,1,,\n"
            + "0426-WS·2016-Y-BGS-0003,0426,2016,Y,BGS,3,责任者,,又一件新的,20160101,1,,\n";

        var result = await CommitAsync(database, ImportSamples.Csv(csv));

        Assert.False(result.Succeeded);
        Assert.Equal(["第3行 档号: 档号“0426-WS·2016-Y-BGS-0002”已存在于档案目录中，不能重复导入"], result.Errors.Select(e => e.Message));
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Records.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_LegacyCodeOnAnItemNumberTakenInTheDatabase_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreateFondsAsync(database, "0426");
        await using (var db = database.CreateContext())
        {
            foreach (var title in new[] { "一", "二", "三" })
            {
                await new RecordService(db, TimeProvider.System).CreateAsync(new RecordDraft { FondsCode = "0426", Year = 2016, RetentionCode = "Y", OrgUnitCode = "BGS", Title = title }, "test", default);
            }
        }

        // "…-02" parses to item 2 but is not the stored string "…-0002": the class and item number still clash.
        var result = await CommitAsync(database, ImportSamples.Csv("档号,题名\n0426-WS·2016-Y-BGS-02,旧档号\n0426-WS·2016-Y-BGS-04,新的一件\n"));

        Assert.False(result.Succeeded);
        Assert.Equal(["第2行 档号: 件号“2”在该分类中已存在（0426-WS·2016-Y-BGS-02），不能重复导入"], result.Errors.Select(e => e.Message));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_XlsxWrittenByMiniExcel_ReadsNumbersDateCellsAndSerials(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CreateFondsAsync(database, "0426");
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, new[]
        {
            new Dictionary<string, object?> { ["全宗号"] = 426, ["年度"] = 2016.0, ["保管期限"] = "Y", ["机构(问题)"] = "BGS", ["件号"] = 1.0, ["题名"] = "日期单元格", ["日期"] = new DateTime(2016, 3, 12), ["页数"] = 39.0, ["文号"] = 1949 },
            new Dictionary<string, object?> { ["全宗号"] = 426, ["年度"] = 2016, ["保管期限"] = "Y", ["机构(问题)"] = "BGS", ["件号"] = 2, ["题名"] = "数字日期", ["日期"] = 20160313, ["页数"] = "7", ["文号"] = null },
            new Dictionary<string, object?> { ["全宗号"] = "0426", ["年度"] = "2016", ["保管期限"] = "Y", ["机构(问题)"] = "BGS", ["件号"] = "0003", ["题名"] = "序列号日期", ["日期"] = 42444, ["页数"] = null, ["文号"] = "示旗政办发〔2016〕44号" },
        });

        var source = ImportSource.FromBytes("目录.xlsx", stream.ToArray());
        var preview = await PreviewAsync(database, source);
        var result = await CommitAsync(database, source);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(ImportFileFormat.Xlsx, preview.Format);
        await using var db = database.CreateContext();
        var records = await db.Records.OrderBy(r => r.ItemNumber).ToListAsync();
        Assert.Equal(
            ["0426-WS·2016-Y-BGS-0001|2016-03-12|39|1949", "0426-WS·2016-Y-BGS-0002|2016-03-13|7|", "0426-WS·2016-Y-BGS-0003|2016-03-15||示旗政办发〔2016〕44号"],
            records.Select(r => $"{r.ArchivalCode}|{r.Date:yyyy-MM-dd}|{r.PageCount}|{r.DocumentNumber}"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_ManyWrongRows_ListsTheFirstErrorsAndCountsTheRest(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var csv = "全宗号,年度,保管期限,题名\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"0426,2016,Y,\n"));

        var preview = await PreviewAsync(database, ImportSamples.Csv(csv), ImportOptions.Default with { MaxListedErrors = 10 });
        var result = await CommitAsync(database, ImportSamples.Csv(csv), ImportOptions.Default with { MaxListedErrors = 10 });

        Assert.Equal((30, 10, 20, 30), (preview.ErrorCount, preview.Errors.Count, preview.UnlistedErrorCount, preview.ErrorRowCount));
        Assert.Equal(11, result.Errors.Count);
        Assert.Equal("另有20个错误未列出", result.Errors[^1].Message);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_TitleRowAboveTheHeader_IsSkippedAndRowsKeepTheirNumbers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var csv = "归档文件目录,,,\n,,,\n全宗号,年度,保管期限,题名\n0426,2016,Y,第一件\n0426,2016,Y,\n";

        var preview = await PreviewAsync(database, ImportSamples.Csv(csv));

        Assert.Equal(["第1行: 不是表头（未识别出“题名”等列），已跳过"], preview.Warnings.Select(w => w.ToString()));
        Assert.Equal(4, preview.Rows[0].Row);
        Assert.Equal(["第5行 题名: 题名不能为空"], preview.Errors.Select(e => e.ToString()));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_Utf16TabSeparatedText_IsRead(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var text = "全宗号\t年度\t保管期限\t题名\r\n0426\t2016\tY\t關於檔案工作的通知\r\n";
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(text)).ToArray();

        var preview = await PreviewAsync(database, ImportSource.FromBytes("目录.txt", bytes));

        Assert.True(preview.CanCommit, string.Join("\n", preview.Errors));
        Assert.Equal("UTF-16LE", preview.Encoding);
        Assert.Equal("關於檔案工作的通知", preview.Rows.Single().Record.Title);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_OldXlsFile_IsRefusedWithAdvice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var result = await CommitAsync(database, ImportSource.FromBytes("旧目录.xls", ole));

        Assert.False(result.Succeeded);
        Assert.StartsWith("文件: 不支持旧版 Excel（.xls）文件", result.Errors[0].Message, StringComparison.Ordinal);
    }
}
