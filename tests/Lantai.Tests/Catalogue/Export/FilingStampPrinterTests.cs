using Lantai.Catalogue;
using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Catalogue.Export;

public sealed class FilingStampPrinterTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Stamps_ShowEachRecordsSixFieldsAndItsCode(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var records = await ExportCatalogue.CreateAsync(database);
        await using (var db = database.CreateContext())
        {
            var fonds = db.Fonds.Single();
            Assert.True((await new FondsService(db, TimeProvider.System).AddOrgUnitAsync(fonds.Id, "BGS", "办公室", "test", default)).Succeeded);
        }

        await using var context = database.CreateContext();
        using var output = new MemoryStream();

        var summary = await ExportCatalogue.Stamps(context).WritePdfAsync(ExportCatalogue.All, output, default);

        Assert.Equal(records.Count, summary.Records);
        Assert.Equal(1, summary.Pages);
        var layout = Poppler.Squeeze(await Poppler.TextAsync(output.ToArray(), layout: true));
        var text = Poppler.Squeeze(await Poppler.TextAsync(output.ToArray()));
        Assert.Contains("归档章", text, StringComparison.Ordinal);
        // Top row 全宗号 · 年度 · 件号, bottom row 机构(问题) · 保管期限 · 页数 (the org unit's name where the fonds defines it).
        Assert.Contains("042620160001", layout, StringComparison.Ordinal);
        Assert.Contains("办公室永久3", layout, StringComparison.Ordinal);
        Assert.Contains("办公室定期30年3", layout, StringComparison.Ordinal);
        foreach (var record in records)
        {
            Assert.Contains(record.ArchivalCode, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stamps_ManyRecords_FillSeveralSheetsOf44()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExportCatalogue.CreateAsync(database, extra: 45);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();

        var summary = await ExportCatalogue.Stamps(db).WritePdfAsync(ExportCatalogue.All, output, default);

        Assert.Equal(54, summary.Records);
        Assert.Equal(2, summary.Pages);
        Assert.Contains("第2页", Poppler.Squeeze(await Poppler.TextAsync(output.ToArray(), 2)), StringComparison.Ordinal);
    }
}
