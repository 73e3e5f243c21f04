using Lantai.Catalogue;
using Lantai.Data;

namespace Lantai.Tests.Catalogue;

/// <summary>Builds the fonds and records the catalogue tests start from.</summary>
internal static class CatalogueTestData
{
    public const string FondsCode = "0426";

    public static async Task<Fonds> CreateFondsAsync(LantaiDbContext db, string code = FondsCode)
    {
        var result = await new FondsService(db, TimeProvider.System).CreateAsync(new FondsDraft { Code = code, Name = "示例旗档案局" }, "test", default);
        Assert.True(result.Succeeded, result.Succeeded ? "" : result.Errors[0].Message);
        return result.Value;
    }

    public static RecordDraft Draft(string title, int? item = null, DateOnly? date = null, string classification = "", string org = "BGS") => new()
    {
        FondsCode = FondsCode,
        Year = 2016,
        RetentionCode = "Y",
        OrgUnitCode = org,
        ItemNumber = item,
        Title = title,
        Author = "示例旗档案局",
        Date = date,
        PageCount = 2,
        Classification = classification,
    };

    public static async Task<Lantai.Catalogue.Record> CreateRecordAsync(LantaiDbContext db, RecordDraft draft)
    {
        var result = await new RecordService(db, TimeProvider.System).CreateAsync(draft, "test", default);
        Assert.True(result.Succeeded, result.Succeeded ? "" : result.Errors[0].Message);
        return result.Value;
    }
}
