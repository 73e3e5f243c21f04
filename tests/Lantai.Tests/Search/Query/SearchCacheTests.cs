using Lantai.Search;
using Lantai.Search.Query;
using Lantai.Tests.Infrastructure;
using Lucene.Net.Search;

namespace Lantai.Tests.Search.Query;

/// <summary>
/// The result cache (QueryResultCache): a repeated search is served from it with the same answer, never across
/// audiences, clearances, filters, orders or pages, and never after the index changed.
/// </summary>
public sealed class SearchCacheTests
{
    [Fact]
    public async Task RepeatedSearch_IsServedFromTheCache_WithTheSameAnswer()
    {
        await using var catalogue = await SearchCatalogue.CreateAsync(DatabaseProvider.Sqlite);
        var cache = QueryResultCache.For(catalogue.Index);

        var first = await catalogue.SearchAsync("档案");
        var hits = cache.Hits;
        var second = await catalogue.SearchAsync("档案");

        Assert.Equal(hits + 1, cache.Hits);
        Assert.Equal(first.Total, second.Total);
        Assert.Equal(first.Hits.Select(h => (h.Id, h.Score, h.Title)), second.Hits.Select(h => (h.Id, h.Score, h.Title)));
        Assert.Equal(first.Facets.SelectMany(f => f.Values), second.Facets.SelectMany(f => f.Values));
        Assert.Equal(first.NextCursor, second.NextCursor);
    }

    [Theory]
    [InlineData("档案 通知", "通知 档案")]
    [InlineData("档案 OR 会议", "会议 OR 档案")]
    [InlineData("通知 -会议 档案", "-会议 档案 通知")]
    public async Task TheSameWordsInAnotherOrder_AreOneSearch_ServedFromTheCache(string query, string reordered)
    {
        await using var catalogue = await SearchCatalogue.CreateAsync(DatabaseProvider.Sqlite);
        var cache = QueryResultCache.For(catalogue.Index);

        var first = await catalogue.SearchAsync(query);
        var hits = cache.Hits;
        var second = await catalogue.SearchAsync(reordered);

        Assert.True(first.Total > 0);
        Assert.Equal(hits + 1, cache.Hits);
        Assert.Equal(first.Hits.Select(h => (h.Id, h.Score)), second.Hits.Select(h => (h.Id, h.Score)));
    }

    [Fact]
    public async Task IndexingARecord_ThenSearchingAgain_FindsIt()
    {
        await using var catalogue = await SearchCatalogue.CreateAsync(DatabaseProvider.Sqlite);
        var before = await catalogue.SearchAsync("档案");
        var beforeRare = await catalogue.SearchAsync("缓存测试");
        _ = await catalogue.SearchAsync("档案"); // now certainly cached

        await catalogue.AddAndIndexAsync("缓存测试", "关于档案缓存测试的通知");
        var after = await catalogue.SearchAsync("档案");
        var afterRare = await catalogue.SearchAsync("缓存测试");

        Assert.Equal(0, beforeRare.Total);
        Assert.Equal(before.Total + 1, after.Total);
        Assert.Contains(after.Hits, h => catalogue.NameOf(h.Id) == "缓存测试");
        Assert.Equal("缓存测试", catalogue.NameOf(Assert.Single(afterRare.Hits).Id));
        Assert.Equal(before.Facets.Single(f => f.Field == SearchFields.FondsCode).Values.Sum(v => v.Count) + 1,
            after.Facets.Single(f => f.Field == SearchFields.FondsCode).Values.Sum(v => v.Count));
    }

    [Fact]
    public async Task CachedResults_AreNeverServedAcrossAudiencesClearancesFiltersOrdersOrPages()
    {
        await using var catalogue = await SearchCatalogue.CreateAsync(DatabaseProvider.Sqlite);

        // Each search twice, interleaved, so every one of them can come from the cache the second time.
        for (var round = 0; round < 2; round++)
        {
            var cleared = await catalogue.NamesAsync("档案", clearance: 4);
            var uncleared = await catalogue.NamesAsync("档案", clearance: 0);
            var citizen = await catalogue.NamesAsync("档案", SearchAudience.Public);
            var fonds = await catalogue.NamesAsync("档案", change: r => r with { FondsCode = "X013" });
            var byCode = await catalogue.NamesAsync("档案", change: r => r with { Sort = SearchSort.ArchivalCode });
            var page2 = await catalogue.NamesAsync("档案", change: r => r with { PageSize = 2, Page = 2 });
            var page1 = await catalogue.NamesAsync("档案", change: r => r with { PageSize = 2, Page = 1 });

            Assert.Contains("边境秘密", cleared);
            Assert.DoesNotContain("边境秘密", uncleared);
            Assert.DoesNotContain("边境秘密", citizen);
            Assert.DoesNotContain("干部任免", citizen);
            Assert.Equal(["外包合同"], fonds);
            Assert.NotEqual(cleared, byCode);
            Assert.Equal([.. byCode.Order(StringComparer.Ordinal)], [.. cleared.Order(StringComparer.Ordinal)]);
            Assert.Equal(2, page2.Count);
            Assert.Empty(page1.Intersect(page2));
        }
    }

    [Fact]
    public void Cache_IsBoundedByEntriesAndByMemory()
    {
        using var reader = EmptyReader();
        var byCount = new QueryResultCache { MaxEntries = 3 };
        var byMemory = new QueryResultCache { MaxBytes = 40_000 };
        var big = new PassResult([.. Enumerable.Range(0, 100).Select(i => new ScoreDoc(i, 1f))], 100, [], false, false);

        for (var i = 0; i < 10; i++)
        {
            byCount.Add(reader, "q" + i, big);
            byMemory.Add(reader, "q" + i, big);
        }

        Assert.Equal(3, byCount.Count);
        Assert.True(byCount.TryGet(reader, "q9", out _));
        Assert.False(byCount.TryGet(reader, "q0", out _));
        Assert.InRange(byMemory.Count, 1, 40_000 / (int)big.EstimatedBytes);
    }

    [Fact]
    public void Cache_KeepsNoTimedOutPass_AndForgetsEverythingForAnotherReader()
    {
        using var first = EmptyReader();
        using var second = EmptyReader();
        var cache = new QueryResultCache();
        var pass = new PassResult([], 0, [], false, false);

        cache.Add(first, "stopped", pass with { TimedOut = true });
        cache.Add(first, "q", pass);
        var servedToFirst = cache.TryGet(first, "q", out _);
        var servedToSecond = cache.TryGet(second, "q", out _);
        cache.Add(second, "other", pass);

        Assert.False(cache.TryGet(first, "stopped", out _));
        Assert.True(servedToFirst);
        Assert.False(servedToSecond);
        Assert.False(cache.TryGet(first, "q", out _));
        Assert.Equal(1, cache.Count);
    }

    private static Lucene.Net.Index.DirectoryReader EmptyReader()
    {
        var directory = new Lucene.Net.Store.RAMDirectory();
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(SearchIndex.Version, null)))
        {
            writer.Commit();
        }

        return Lucene.Net.Index.DirectoryReader.Open(directory);
    }
}
