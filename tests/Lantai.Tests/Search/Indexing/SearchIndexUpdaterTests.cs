using Lantai.Search;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Search.Indexing;

public sealed class SearchIndexUpdaterTests
{
    [Fact]
    public async Task FreshServerWithDemo_HasEveryDemoRecordIndexed_WhenItAnswers()
    {
        await using var server = await LantaiServer.StartAsync(DatabaseProvider.Sqlite, demo: true);
        await using var db = server.Database.CreateContext();

        var index = server.Services.GetRequiredService<SearchIndex>();

        Assert.Equal(await db.Records.CountAsync(), IndexProbe.Documents(index));
        Assert.False(index.IsReadOnly);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunningServer_IndexesARecordSavedAfterStart(DatabaseProvider provider)
    {
        await using var server = await LantaiServer.StartAsync(provider);
        await using var db = server.Database.CreateContext();
        await IndexingData.FondsAsync(db);
        var index = server.Services.GetRequiredService<SearchIndex>();

        var record = await IndexingData.RecordAsync(db, "关于民生档案查询工作的批复");

        // No timing assertion: the updater polls every half second; wait up to a generous limit for the first sight.
        var found = false;
        for (var i = 0; i < 300 && !found; i++)
        {
            await Task.Delay(100);
            found = IndexProbe.Find(index, SearchFields.Title, "民生档案").Contains(record.Id);
        }

        Assert.True(found);
    }
}
