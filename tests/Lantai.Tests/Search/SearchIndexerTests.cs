using Lantai.Catalogue;
using Lantai.Search;
using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Search;

public sealed class SearchIndexerTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CatchUp_AfterRecordCreated_FindsItByTitleWord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await new FondsService(db, TimeProvider.System).CreateAsync(new FondsDraft { Code = "0426", Name = "示例旗档案局" }, "test", default);
        var created = await new RecordService(db, TimeProvider.System).CreateAsync(new RecordDraft
        {
            FondsCode = "0426",
            Year = 2016,
            RetentionCode = "Y",
            OrgUnitCode = "BGS",
            Title = "关于档案征集工作的批复",
            Author = "示例旗档案局",
        }, "test", default);
        using var index = new SearchIndex(database.Options);

        var applied = await new SearchIndexer(db, index).CatchUpAsync(default);
        var found = await new SearchService(index).SearchAsync(new SearchRequest { Query = "档案", Audience = SearchAudience.Staff }, default);

        Assert.True(applied >= 1);
        Assert.Equal(created.Value.Id, Assert.Single(found.Value.Hits).Id);
    }
}
