using System.Text;
using Lantai.Catalogue;
using Lantai.Catalogue.Import;
using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Catalogue.Import;

/// <summary>The shared sample catalogues, imported on both providers.</summary>
public sealed class SampleImportTests
{
    internal static async Task<Result<ImportOutcome>> CommitAsync(TestDatabase database, ImportSource source, ImportOptions? options = null)
    {
        await using var db = database.CreateContext();
        return await new CatalogueImporter(db, TimeProvider.System).CommitAsync(source, options ?? ImportOptions.Default, "test", null, default);
    }

    internal static async Task<ImportPreview> PreviewAsync(TestDatabase database, ImportSource source, ImportOptions? options = null)
    {
        await using var db = database.CreateContext();
        return await new CatalogueImporter(db, TimeProvider.System).PreviewAsync(source, options ?? ImportOptions.Default, null, default);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_SampleCsv_ImportsEveryRowWithAuditAndOutbox(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await CommitAsync(database, ImportSamples.File("catalogue-0426-ws.csv"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        var outcome = result.Value;
        Assert.Equal(536, outcome.RecordCount);
        Assert.Equal("UTF-8", outcome.Encoding);
        Assert.Equal(Sm3.HashHex(await File.ReadAllBytesAsync(ImportSamples.PathOf("catalogue-0426-ws.csv"))), outcome.Sm3);
        Assert.Equal(["0426"], outcome.NewFonds.Select(f => f.Code));
        Assert.Equal(["BGS", "CWK", "DAJ", "RSK", "ZCK"], outcome.NewOrgUnits.Select(o => o.Code).Order(StringComparer.Ordinal));

        await using var db = database.CreateContext();
        Assert.Equal(536, await db.Records.CountAsync(r => r.ImportId == outcome.ImportId));
        var import = await db.CatalogueImports.SingleAsync();
        Assert.Equal((outcome.ImportId, "catalogue-0426-ws.csv", outcome.Sm3, 536, "test"), (import.Id, import.FileName, import.Sm3, import.RecordCount, import.Actor));
        var outbox = await db.OutboxMessages.SingleAsync();
        Assert.Equal((OutboxKinds.RecordsImported, outcome.ImportId.ToString()), (outbox.Kind, outbox.EntityId));
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "catalogue.import");
        Assert.Contains("catalogue-0426-ws.csv", audit.After!, StringComparison.Ordinal);
        Assert.Contains(outcome.Sm3, audit.After!, StringComparison.Ordinal);
        Assert.Contains("\"recordCount\":536", audit.After!, StringComparison.Ordinal);
        Assert.True((await new AuditVerifier(db).VerifyAsync(null, default)).Intact);
        Assert.Equal("全宗 0426", (await db.Fonds.SingleAsync()).Name);

        // Spot checks: the first row, a traditional-Chinese title and a Mongolian one, byte for byte and NFC.
        var first = await db.Records.SingleAsync(r => r.ArchivalCode == "0426-WS·2016-Y-BGS-0001");
        Assert.Equal(("0426", "WS", 2016, "Y", "BGS", 1, "示例旗档案局", "关于红色档案征集工作的批复", new DateOnly(2016, 3, 12), 39, "内部"),
            (first.FondsCode, first.CategoryCode, first.Year, first.RetentionCode, first.OrgUnitCode, first.ItemNumber, first.Author, first.Title, first.Date, first.PageCount, first.Classification));
        Assert.Equal("0426|WS|2016|Y|BGS", first.GroupKey);
        var traditional = await db.Records.SingleAsync(r => r.ArchivalCode == "0426-WS·2016-Y-ZCK-0004");
        Assert.Equal("關於加強檔案安全工作的意見", traditional.Title);
        var mongolian = await db.Records.SingleAsync(r => r.ArchivalCode == "0426-WS·2016-D10-DAJ-0004");
        Assert.Equal("ᠠᠷᠬᠢᠪ ᠤᠨ ᠲᠣᠭᠠᠴᠠᠭᠠᠨ ᠤ ᠮᠡᠳᠡᠭᠳᠡᠯ", mongolian.Title);
        Assert.True(mongolian.Title.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(Encoding.UTF8.GetBytes("ᠠᠷᠬᠢᠪ ᠤᠨ ᠲᠣᠭᠠᠴᠠᠭᠠᠨ ᠤ ᠮᠡᠳᠡᠭᠳᠡᠯ"), Encoding.UTF8.GetBytes(mongolian.Title));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_SampleXlsx_ReadsSpreadsheetNumbersBackAndEqualsCsvImport(DatabaseProvider provider)
    {
        await using var fromCsv = await TestDatabase.CreateAsync(provider);
        await using var fromXlsx = await TestDatabase.CreateAsync(provider);

        var preview = await PreviewAsync(fromXlsx, ImportSamples.File("catalogue-0426-ws.xlsx"));
        var csv = await CommitAsync(fromCsv, ImportSamples.File("catalogue-0426-ws.csv"));
        var xlsx = await CommitAsync(fromXlsx, ImportSamples.File("catalogue-0426-ws.xlsx"));

        Assert.True(xlsx.Succeeded, string.Join("\n", xlsx.Errors.Select(e => e.Message)));
        Assert.Equal(ImportFileFormat.Xlsx, preview.Format);
        Assert.Contains(preview.Warnings, w => w.Message.Contains("全宗号“426”按“0426”读取", StringComparison.Ordinal));
        var row = preview.Rows[0];
        Assert.Equal((2, "0426", 1, "0426-WS·2016-Y-BGS-0001", new DateOnly(2016, 3, 12), 39), (row.Row, row.Record.FondsCode, row.Record.ItemNumber, row.Record.ArchivalCode, row.Record.Date, row.Record.PageCount));
        Assert.Equal(csv.Value.RecordCount, xlsx.Value.RecordCount);
        Assert.Equal(await CatalogueOf(fromCsv), await CatalogueOf(fromXlsx));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_Gb18030Csv_ReadsTitlesEqualToUtf8File(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var gb = await PreviewAsync(database, ImportSamples.File("catalogue-0426-ws.gb18030.csv"), ImportOptions.Default with { PreviewRowCount = 1000 });
        var utf8 = await PreviewAsync(database, ImportSamples.File("catalogue-0426-ws.csv"), ImportOptions.Default with { PreviewRowCount = 1000 });

        Assert.Equal("GB18030", gb.Encoding);
        Assert.True(gb.CanCommit, string.Join("\n", gb.Errors));
        Assert.Equal(100, gb.RowCount);
        // The GB18030 file has the first 100 records that GB18030 can hold (no Mongolian): each equals its UTF-8 twin.
        var utf8ByCode = utf8.Rows.ToDictionary(r => r.Record.ArchivalCode!);
        Assert.All(gb.Rows, r => Assert.Equal(utf8ByCode[r.Record.ArchivalCode!].Record, r.Record));
        Assert.Contains(gb.Rows, r => r.Record.Title == "關於做好檔案數字化工作的通知");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_BadRows_NamesEveryWrongRowAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var preview = await PreviewAsync(database, ImportSamples.File("catalogue-bad-rows.csv"));
        var result = await CommitAsync(database, ImportSamples.File("catalogue-bad-rows.csv"));

        Assert.False(result.Succeeded);
        Assert.False(preview.CanCommit);
        Assert.Equal(preview.Errors.Select(e => e.ToString()), result.Errors.Select(e => e.Message));
        var byRow = preview.Errors.ToLookup(e => e.Row);
        // Row 2 and rows 12-13 are right; every other row is named with its column and a Chinese reason.
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11], byRow.Select(g => g.Key!.Value).Order());
        Assert.Contains(byRow[3], e => e.Column == "题名" && e.Message == "题名不能为空");
        Assert.Contains(byRow[4], e => e.Column == "日期" && e.Message == "日期“20211345”不存在");
        Assert.Contains(byRow[5], e => e.Column == "保管期限" && e.Message.StartsWith("保管期限代码“D99”无效", StringComparison.Ordinal));
        Assert.Contains(byRow[6], e => e.Column == "档号" && e.Message == "档号“0426-WS·2016-Y-BGS-0006”与第7行重复");
        Assert.Contains(byRow[7], e => e.Column == "档号" && e.Message == "档号“0426-WS·2016-Y-BGS-0006”与第6行重复");
        Assert.Contains(byRow[8], e => e.Column == "题名" && e.Message.Contains("公式注入", StringComparison.Ordinal));
        Assert.Contains(byRow[9], e => e.Column == "页数" && e.Message == "页数“-3”不能为负数");
        Assert.Contains(byRow[10], e => e.Column == "档号" && e.Message.StartsWith("档号“0426-WS·2016-Y-BGS-00X1”格式错误", StringComparison.Ordinal));
        Assert.Contains(byRow[11], e => e.Column == "年度" && e.Message == "年度“1890”与档号中的“2016”不一致");
        Assert.Contains("第4行 日期: 日期“20211345”不存在", result.Errors.Select(e => e.Message));
        Assert.Equal(3, preview.ValidRowCount);

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Records.CountAsync());
        Assert.Equal(0, await db.Fonds.CountAsync());
        Assert.Equal(0, await db.OrgUnits.CountAsync());
        Assert.Equal(0, await db.CatalogueImports.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
    }

    private static async Task<List<string>> CatalogueOf(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var records = await db.Records.AsNoTracking().OrderBy(r => r.ArchivalCode).ToListAsync();
        return [.. records.Select(r => string.Join("|", r.ArchivalCode, r.FondsCode, r.CategoryCode, r.Year, r.RetentionCode, r.OrgUnitCode, r.ItemNumber, r.GroupKey,
            r.Title, r.Author, r.DocumentNumber, r.Date, r.PageCount, r.Classification, r.Carrier, r.Remarks, r.OpenStatus))];
    }
}
