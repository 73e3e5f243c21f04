using Lantai.Catalogue;
using Lantai.Catalogue.Export;
using Lantai.Data;
using Lantai.Tests.Infrastructure;
using Record = Lantai.Catalogue.Record;

namespace Lantai.Tests.Catalogue.Export;

/// <summary>A small catalogue with the hard cases of an export: formula-like titles, a supplied title, traditional Chinese, Mongolian, a classified item, two classes.</summary>
internal static class ExportCatalogue
{
    public const string Mongolian = "ᠠᠷᠬᠢᠪ ᠤᠨ ᠲᠣᠭᠠᠴᠠᠭᠠᠨ ᠤ ᠮᠡᠳᠡᠭᠳᠡᠯ";
    public const string Traditional = "關於加強檔案安全工作的意見";

    public static async Task<List<Record>> CreateAsync(TestDatabase database, int extra = 0)
    {
        await using var db = database.CreateContext();
        var fonds = new FondsService(db, TimeProvider.System);
        Assert.True((await fonds.CreateAsync(new FondsDraft { Code = "0426", Name = "示例旗人民政府办公室" }, "test", default)).Succeeded);
        var service = new RecordService(db, TimeProvider.System);
        var records = new List<Record>();
        async Task Add(string title, int year = 2016, string retention = "Y", bool supplied = false, string classification = "", string? number = null, string? remarks = null)
        {
            var created = await service.CreateAsync(new RecordDraft
            {
                FondsCode = "0426",
                Year = year,
                RetentionCode = retention,
                OrgUnitCode = "BGS",
                Title = title,
                TitleSupplied = supplied,
                Author = "示例旗档案局",
                DocumentNumber = number,
                Date = new DateOnly(year, 3, 12),
                PageCount = 3,
                Classification = classification,
                Remarks = remarks,
            }, "test", default);
            Assert.True(created.Succeeded, created.Succeeded ? "" : created.Errors[0].Message);
            records.Add(created.Value);
        }

        await Add("关于红色档案征集工作的批复", number: "示旗政办发〔2016〕44号", remarks: "有领导批示");
        await Add("+号开头的题名");
        await Add("-减号开头的题名");
        await Add("@提及开头的题名");
        await Add("乌兰牧骑档案整理工作会议记录", supplied: true);
        await Add(Traditional);
        await Add(Mongolian);
        await Add("内部文件的题名", classification: "内部");
        for (var i = 1; i <= extra; i++)
        {
            await Add($"关于做好档案数字化扫描工作的通知（第{i}号附件较长的题名用来测试单元格内的自动换行是否正确）");
        }

        await Add("关于做好档案馆新馆建设工作的通知", year: 2017, retention: "D30");
        return records;
    }

    public static FilingCatalogueExporter Exporter(LantaiDbContext db) => new(db, new RecordQueries(db), TimeProvider.System);

    public static FilingStampPrinter Stamps(LantaiDbContext db) => new(db, new RecordQueries(db), TimeProvider.System);

    public static RecordFilter All => new() { Clearance = int.MaxValue };
}
