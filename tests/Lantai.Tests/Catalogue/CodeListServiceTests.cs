using Lantai.Catalogue;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Catalogue;

public sealed class CodeListServiceTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddAndRenameEntry_AreAuditedAndUsedByValidation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var lists = new CodeListService(db, TimeProvider.System);

        var added = await lists.AddEntryAsync(CodeLists.Retention, "D50", "定期50年", 4, 50, "admin", default);
        var renamed = await lists.RenameEntryAsync(CodeLists.Retention, "D50", "定期五十年", "admin", default);

        Assert.True(added.Succeeded && renamed.Succeeded);
        var rules = await CatalogueRules.LoadAsync(db, default);
        Assert.Equal("定期五十年", rules.Retentions["D50"].Name);
        Assert.Equal(["codelist.create", "codelist.rename"], await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.True((await new AuditVerifier(db).VerifyAsync(null, default)).Intact);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddCategory_ExistingCode_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var lists = new CodeListService(db, TimeProvider.System);

        var again = await lists.AddCategoryAsync("WS", "文书二", "admin", default);
        var added = await lists.AddCategoryAsync("DT", "地图", "admin", default);

        Assert.Equal("conflict", again.Errors[0].Code);
        Assert.Equal(14, added.Value.SortOrder);
        Assert.Equal("地图", (await db.Categories.SingleAsync(c => c.Code == "DT")).Name);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddEntry_ClassificationAtRankZero_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        var result = await new CodeListService(db, TimeProvider.System).AddEntryAsync(CodeLists.Classification, "商密", "商业秘密", 0, null, "admin", default);

        Assert.Equal(nameof(CodeListEntry.Rank), result.Errors[0].Field);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveTemplate_ValidPattern_IsAddedThenEdited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var lists = new CodeListService(db, TimeProvider.System);

        var added = await lists.SaveTemplateAsync("本地", "本地件号", "{fonds}-{year}-{category}-{item:5}", false, "admin", default);
        var edited = await lists.SaveTemplateAsync("本地", "本地件号", "{fonds}-{year}·{category}-{item:5}", true, "admin", default);

        Assert.True(added.Succeeded && edited.Succeeded);
        var stored = await db.ArchivalCodeTemplates.SingleAsync(t => t.Key == "本地");
        Assert.Equal("{fonds}-{year}·{category}-{item:5}", stored.Pattern);
        Assert.False(stored.ForVolumes);
    }

    [Theory]
    [InlineData("{fonds}-{category}·{year}-{retention}-{orgunit}-{item:4}", false, null)]
    [InlineData("{fonds}-{category}·{year}·{retention}-{volume:3}", true, null)]
    [InlineData("{fonds}-{category}·{year}-{color}-{item:4}", false, "未知的占位符")]
    [InlineData("{fonds}{category}·{year}-{item:4}", false, "无法拆回")]
    [InlineData("{fonds}-{category}·{year}-{retention}", false, "件号")]
    [InlineData("{fonds}-{category}·{year}-{item:3}", true, "案卷号")]
    [InlineData("{category}·{year}-{item:4}", false, "全宗号")]
    public void CheckPattern_NamesTheProblem(string pattern, bool forVolumes, string? problem)
    {
        var result = CodeListService.CheckPattern(pattern, forVolumes);

        if (problem is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(problem, result, StringComparison.Ordinal);
        }
    }
}
