using Lantai.Search;
using Lantai.Search.Query;

namespace Lantai.Tests.Search.Query;

/// <summary>
/// A large index is searched in slices on several threads (SearchPass): the hits, their order, the totals, the facets
/// and the cursor pages must be exactly those of a search on one thread.
/// </summary>
public sealed class SearchParallelTests(GeneratedIndex generated) : IClassFixture<GeneratedIndex>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Slices_CoverEveryDocumentOnce_InDocOrder(int count)
    {
        using var lease = generated.Index.AcquireSearcher();
        var reader = lease.Searcher.IndexReader;
        Assert.True(reader.Leaves.Count > 1);

        var slices = SearchPass.Slices(reader.Leaves, count);

        Assert.InRange(slices.Count, 1, count);
        var docs = slices.SelectMany(s => s).SelectMany(p => Enumerable.Range(p.Context.DocBase + p.From, p.To - p.From)).ToList();
        Assert.Equal(Enumerable.Range(0, reader.MaxDoc), docs);
        Assert.All(slices, s => Assert.NotEmpty(s));
    }

    [Theory]
    [InlineData("档案", SearchSort.Relevance, SearchAudience.Staff)]
    [InlineData("档案 通知", SearchSort.Relevance, SearchAudience.Staff)]
    [InlineData("档案", SearchSort.Relevance, SearchAudience.Public)]
    [InlineData("", SearchSort.DateNewest, SearchAudience.Staff)]
    [InlineData("档案", SearchSort.DateOldest, SearchAudience.Public)]
    [InlineData("工作 OR 会议", SearchSort.ArchivalCode, SearchAudience.Staff)]
    [InlineData("题名:档案 NOT 会议", SearchSort.Relevance, SearchAudience.Staff)]
    public async Task Slices_GiveTheSameHitsTotalsAndFacetsAsOneThread(string query, SearchSort sort, SearchAudience audience)
    {
        var request = new SearchRequest { Query = query, Audience = audience, Clearance = 1, Sort = sort, PageSize = 100, Page = 2 };

        var one = await Search(generated.Service(1), request);
        var three = await Search(generated.Service(3), request);

        Assert.True(one.Total > 100);
        Assert.Equal(one.Total, three.Total);
        Assert.Equal(one.Hits.Select(h => (h.Id, h.Score)), three.Hits.Select(h => (h.Id, h.Score)));
        Assert.Equal(Facets(one), Facets(three));
        Assert.False(three.FacetsApproximate);
        Assert.Equal(one.NextCursor, three.NextCursor);
    }

    [Theory]
    [InlineData(SearchSort.Relevance)]
    [InlineData(SearchSort.DateNewest)]
    public async Task Slices_CursorPagesWalkTheSameHits(SearchSort sort)
    {
        var one = await Walk(generated.Service(1), sort);
        var three = await Walk(generated.Service(3), sort);

        Assert.Equal(one, three);
        Assert.Equal(one.Count, one.Distinct().Count());
    }

    [Fact]
    public async Task ConcurrentSlicedSearches_KeepEachOnesFacets()
    {
        // Lucene.Net hands out a segment's doc values per thread: a slice that left its last segment's ordinals to be
        // looked up at the merge (on another thread) read them through an instance another search was using.
        var queries = new[] { "档案", "通知", "工作 OR 会议", "" };
        var expected = new Dictionary<string, List<(string, string, long)>>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            expected[query] = Facets(await Search(generated.Service(1), new SearchRequest { Query = query, Audience = SearchAudience.Staff, Clearance = 4 }));
        }

        var runs = Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            var query = queries[i % queries.Length];
            var service = generated.Service(3);
            service.TimeLimit = TimeSpan.FromMinutes(10); // many at once on two cores: none may stop early
            return (query, Facets(await Search(service, new SearchRequest { Query = query, Audience = SearchAudience.Staff, Clearance = 4 })));
        }));

        foreach (var (query, facets) in await Task.WhenAll(runs))
        {
            Assert.Equal(expected[query], facets);
        }
    }

    [Fact]
    public async Task Slices_StopAtTheTimeLimit_AndHonourCancellation()
    {
        var service = generated.Service(3);
        service.TimeLimit = TimeSpan.Zero;
        var timedOut = await Search(service, new SearchRequest { Query = "档案", Audience = SearchAudience.Staff });
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.True(timedOut.TimedOut);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            generated.Service(3).SearchAsync(new SearchRequest { Query = "档案", Audience = SearchAudience.Staff }, cancelled.Token));
    }

    private static async Task<SearchResponse> Search(SearchService service, SearchRequest request)
    {
        var result = await service.SearchAsync(request, default);
        Assert.True(result.Succeeded, result.Succeeded ? "" : result.Errors[0].Message);
        return result.Value;
    }

    private static async Task<List<Lantai.Catalogue.RecordId>> Walk(SearchService service, SearchSort sort)
    {
        var ids = new List<Lantai.Catalogue.RecordId>();
        string? after = null;
        do
        {
            var page = await Search(service, new SearchRequest { Query = "档案", Audience = SearchAudience.Staff, Clearance = 4, Sort = sort, PageSize = 100, After = after, IncludeFacets = false });
            ids.AddRange(page.Hits.Select(h => h.Id));
            after = page.NextCursor;
        }
        while (after is not null);

        return ids;
    }

    private static List<(string, string, long)> Facets(SearchResponse response) =>
        [.. response.Facets.SelectMany(f => f.Values.Select(v => (f.Field, v.Value, v.Count)))];
}
