using Lantai.Data;
using Lantai.Preservation;
using Lantai.Search;
using Lantai.Search.Content;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Search.Indexing;

public sealed class SearchRebuildTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rebuild_WhileASearcherIsOpen_ServesTheOldIndexUntilTheSwap(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var fonds = await IndexingData.FondsAsync(db);
        var record = await IndexingData.RecordAsync(db, "关于档案征集工作的批复");
        await IndexingData.ImportAsync(db, fonds, 1500, i => $"第{i}号馆藏登记表");
        using var index = new SearchIndex(database.Options);
        var indexer = new SearchIndexer(db, index);
        await indexer.CatchUpAsync(default);
        var oldGeneration = index.GenerationPath;
        // A change the outbox never saw (a restored backup): only a rebuild from the database picks it up.
        await db.Records.Where(r => r.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Title, "关于民生档案查询工作的批复"));
        var before = index.AcquireSearcher();
        var rebuilder = Rebuilder(database, db, index, indexer);
        var servedOldBeforeSwap = false;
        rebuilder.BeforeSwap = () => servedOldBeforeSwap =
            IndexProbe.Find(index, SearchFields.Title, "民生档案").Count == 0 && IndexProbe.Find(index, SearchFields.Title, "征集").Count == 1;

        var result = await rebuilder.RebuildAsync(null, default);

        Assert.True(servedOldBeforeSwap);
        Assert.Equal(1501, result.Records);
        Assert.Equal(result.Generation, SearchIndex.ReadPointer(index.Root));
        Assert.Equal([record.Id], IndexProbe.Find(index, SearchFields.Title, "民生档案"));
        Assert.Empty(IndexProbe.Find(index, SearchFields.Title, "征集"));
        Assert.Equal(1501, IndexProbe.Documents(index));
        Assert.Equal(1, IndexProbe.Copies(index, record.Id));
        // The searcher taken before the rebuild still answers from the old index until it is released.
        Assert.Equal(1501, before.Searcher.IndexReader.NumDocs);
        before.Dispose();
        Assert.False(Directory.Exists(oldGeneration));
        Assert.Equal(await db.OutboxMessages.MaxAsync(m => m.Id), index.CommittedCursor);

        // The new generation keeps following the outbox.
        var later = await IndexingData.RecordAsync(db, "关于重建之后新建档案的说明");
        await indexer.CatchUpAsync(default);
        Assert.Equal([later.Id], IndexProbe.Find(index, SearchFields.Title, "重建之后"));
    }

    [Fact]
    public async Task Rebuild_ByAnotherHolder_IsFollowedByTheWriterOnRefresh()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var fonds = await IndexingData.FondsAsync(db);
        await IndexingData.ImportAsync(db, fonds, 300, i => $"第{i}号馆藏登记表");
        using var server = new SearchIndex(database.Options);
        await new SearchIndexer(db, server).CatchUpAsync(default);
        using var cli = new SearchIndex(database.Options);
        Assert.True(cli.IsReadOnly);

        var result = await Rebuilder(database, db, cli, new SearchIndexer(db, cli)).RebuildAsync(null, default);
        var record = await IndexingData.RecordAsync(db, "关于民生档案查询工作的批复");
        server.Refresh();
        await new SearchIndexer(db, server).CatchUpAsync(default);

        Assert.Equal(result.Generation, server.Generation);
        Assert.False(server.IsReadOnly);
        Assert.Equal([record.Id], IndexProbe.Find(server, SearchFields.Title, "民生档案"));
        Assert.Equal(301, IndexProbe.Documents(server));
        Assert.Equal([result.Generation], Directory.EnumerateDirectories(server.Root).Select(Path.GetFileName));
    }

    private static SearchIndexRebuilder Rebuilder(TestDatabase database, LantaiDbContext db, SearchIndex index, SearchIndexer indexer) =>
        new(db, index, indexer, new RecordContent(new ContentTextCache(database.Options, new ObjectStore(database.Options)), []), database.Options, TimeProvider.System);
}
