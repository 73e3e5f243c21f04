using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Search;
using Lantai.Search.Content;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Transfer;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Search.Indexing;

public sealed class SearchIndexingTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TransferIngested_ThenIndexed_FindsRecordByWordsOfItsPdfAndOfdText(DatabaseProvider provider)
    {
        await using var harness = await TransferHarness.CreateAsync(provider);
        var package = harness.Package("全文检索",
            (1, "关于做好档案移交工作的通知", [("通知.pdf", "0426-WS·2023-Y-BGS-0012.pdfa.pdf")]),
            (2, "示例旗工作简报", [("简报.ofd", "helloworld.ofd")]));
        var transfer = await harness.ReceiveAndCheckAsync(package);
        await harness.AcceptAndIngestAsync(transfer.Id);

        var applied = await harness.RunAsync<SearchIndexer, int>(i => i.CatchUpAsync(default));

        Assert.True(applied >= 2);
        await using var db = harness.Database.CreateContext();
        var notice = await db.Records.SingleAsync(r => r.ArchivalCode == "0426-WS·2023-Y-BGS-0001");
        var brief = await db.Records.SingleAsync(r => r.ArchivalCode == "0426-WS·2023-Y-BGS-0002");
        await harness.RunAsync<SearchIndex, int>(index =>
        {
            // 主题教育 and 颐和园-free words appear only in the files, never in the catalogue fields.
            Assert.Equal([notice.Id], IndexProbe.Find(index, SearchFields.Content, "主题教育"));
            Assert.Equal([notice.Id], IndexProbe.Find(index, SearchFields.Content, "归档文件整理规则"));
            Assert.Equal([brief.Id], IndexProbe.Find(index, SearchFields.Content, "你好呀"));
            Assert.Empty(IndexProbe.Find(index, SearchFields.Title, "主题教育"));
            return Task.FromResult(0);
        });
        var store = harness.RunAsync<ContentTextCache, string>(c => Task.FromResult(c.Root));
        Assert.NotEmpty(Directory.EnumerateFiles(await store, "*.txt", SearchOption.AllDirectories));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CatchUp_ChangeDeleteAndImport_FollowTheCatalogue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var fonds = await IndexingData.FondsAsync(db);
        db.OrgUnits.Add(new OrgUnit { FondsId = fonds.Id, Code = "BGS", Name = "办公室" });
        await db.SaveChangesAsync();
        var kept = await IndexingData.RecordAsync(db, "关于档案征集工作的批复");
        var gone = await IndexingData.RecordAsync(db, "关于撤销旧机构的通知");
        await IndexingData.ImportAsync(db, fonds, 2500, i => $"第{i}号馆藏登记表");
        using var index = new SearchIndex(database.Options);
        await new SearchIndexer(db, index).CatchUpAsync(default);
        Assert.Equal(2502, IndexProbe.Documents(index));

        var updated = await new RecordService(db, TimeProvider.System).UpdateAsync(kept.Id, new RecordDraft
        {
            FondsCode = "0426",
            Year = 2016,
            RetentionCode = "Y",
            OrgUnitCode = "BGS",
            Title = "关于民生档案查询工作的批复",
            Author = "示例旗档案局",
        }, kept.Version, "test", default);
        Assert.True(updated.Succeeded, updated.Succeeded ? "" : updated.Errors[0].Message);
        await IndexingData.DeleteAsync(db, gone.Id);
        await new SearchIndexer(db, index).CatchUpAsync(default);

        Assert.Equal([kept.Id], IndexProbe.Find(index, SearchFields.Title, "民生档案"));
        Assert.Empty(IndexProbe.Find(index, SearchFields.Title, "征集"));
        Assert.Equal(0, IndexProbe.Copies(index, gone.Id));
        Assert.Equal([kept.Id], IndexProbe.Find(index, SearchFields.OrgUnitName, "办公室"));
        Assert.Single(IndexProbe.Find(index, SearchFields.Title, "第2499号馆藏登记表"));
        Assert.Equal(2501, IndexProbe.Documents(index));
        Assert.Equal(await db.OutboxMessages.MaxAsync(m => m.Id), index.CommittedCursor);
    }

    [Fact]
    public async Task SecondIndexInAnotherHolder_OpensReadOnly_AndSeesTheWritersCommits()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await IndexingData.FondsAsync(db);
        using var writer = new SearchIndex(database.Options);
        using var reader = new SearchIndex(database.Options);
        await IndexingData.RecordAsync(db, "关于档案征集工作的批复");
        await new SearchIndexer(db, writer).CatchUpAsync(default);

        Assert.True(reader.IsReadOnly);
        Assert.Null(await new SearchIndexer(db, reader).TryCatchUpAsync(default));
        Assert.Single(IndexProbe.Find(reader, SearchFields.Title, "征集"));

        var second = await IndexingData.RecordAsync(db, "关于民生档案查询工作的批复");
        await new SearchIndexer(db, writer).CatchUpAsync(default);
        reader.Refresh();

        Assert.Equal([second.Id], IndexProbe.Find(reader, SearchFields.Title, "民生档案"));
        Assert.Equal(writer.CommittedCursor, reader.CommittedCursor);
    }
}
