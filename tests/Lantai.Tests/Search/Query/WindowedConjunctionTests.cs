using Lantai.Search;
using Lantai.Search.Query;
using Lucene.Net.Search;

namespace Lantai.Tests.Search.Query;

/// <summary>
/// Search-box queries matched a window at a time (WindowedConjunction) must answer exactly as Lucene's own scorers do:
/// the same totals, hits, scores, order, facets and cursors, with and without the access filters, NOTs, field and code
/// clauses, on an index with several segments and deleted documents.
/// </summary>
public sealed class WindowedConjunctionTests(GeneratedIndex generated) : IClassFixture<GeneratedIndex>
{
    public static TheoryData<string> Queries =>
    [
        "档案",
        "档案 通知",
        "工作 档案 会议",
        "档案 -会议",
        "档案 NOT 会议 NOT 安全",
        "示例旗档案局 档案",
        "题名:档案 通知",
        "档案 全宗:X013",
        "档案 年度:2000-2010",
        "2016 档案",
        "征集 检查 报告 基建",
        "数字化 档案",
        "档案 不存在的词",
        "NOT 档案",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Windowed_AnswersAsLucenesScorers_ForEveryAudience(string query)
    {
        foreach (var (audience, clearance) in new[] { (SearchAudience.Staff, 100), (SearchAudience.Staff, 1), (SearchAudience.Public, 0) })
        {
            foreach (var page in new[] { 1, 3 })
            {
                var request = new SearchRequest { Query = query, Audience = audience, Clearance = clearance, PageSize = 50, Page = page };

                var lucene = await Search(generated.Service(1, windowed: false), request);
                var windowed = await Search(generated.Service(1), request);

                AssertSame(lucene, windowed);
            }
        }
    }

    [Theory]
    [InlineData("档案", 200)]
    [InlineData("档案 -会议", 150)]
    [InlineData("工作 档案", 0)]
    public async Task Windowed_SamplesTheSameFacets_BeyondTheExactLimit(string query, long exactLimit)
    {
        foreach (var (audience, slices) in new[] { (SearchAudience.Staff, 1), (SearchAudience.Staff, 3), (SearchAudience.Public, 2) })
        {
            var request = new SearchRequest { Query = query, Audience = audience, Clearance = 1 };
            var lucene = generated.Service(slices, windowed: false);
            var windowed = generated.Service(slices);
            lucene.FacetExactLimit = windowed.FacetExactLimit = exactLimit;

            var expected = await Search(lucene, request);
            var actual = await Search(windowed, request);

            Assert.True(expected.FacetsApproximate);
            AssertSame(expected, actual);
        }
    }

    [Theory]
    [InlineData("档案 通知", SearchSort.DateNewest)]
    [InlineData("档案 -会议", SearchSort.DateOldest)]
    [InlineData("工作 档案", SearchSort.ArchivalCode)]
    public async Task Windowed_KeepsTheOtherOrders_AndTheCursorPages(string query, SearchSort sort)
    {
        var lucene = await Walk(generated.Service(1, windowed: false), query, sort);
        var windowed = await Walk(generated.Service(1), query, sort);

        Assert.True(lucene.Count > 100);
        Assert.Equal(lucene, windowed);
    }

    [Theory]
    [InlineData("档案 通知")]
    [InlineData("档案 -会议")]
    public async Task WindowedSlices_OnThreeThreads_AnswerAsOneThreadOfLucene(string query)
    {
        var request = new SearchRequest { Query = query, Audience = SearchAudience.Staff, Clearance = 1, PageSize = 100, Page = 2 };

        AssertSame(await Search(generated.Service(1, windowed: false), request), await Search(generated.Service(3), request));
    }

    [Theory]
    [InlineData("档案 通知", true)]
    [InlineData("档案", true)]
    [InlineData("档案 -会议", true)]
    [InlineData("档案 OR 通知", false)]
    [InlineData("题名:档案", false)]
    public void Plan_TakesTheSearchBoxShapes_AndLeavesTheRestToLucene(string query, bool windowed)
    {
        var built = LuceneQueryBuilder.Build(query, SearchAudience.Staff, SearchLabels.Default).Value.Query;
        using var lease = generated.Index.AcquireSearcher();

        Assert.Equal(windowed, WindowedConjunction.TryPlan(lease.Searcher, built) is not null);
        Assert.Null(WindowedConjunction.TryPlan(new IndexSearcher(lease.Searcher.IndexReader), built)); // not BM25
    }

    [Fact]
    public async Task Windowed_StopsAtTheTimeLimit()
    {
        var service = generated.Service(1);
        service.TimeLimit = TimeSpan.Zero;

        var response = await Search(service, new SearchRequest { Query = "档案 通知", Audience = SearchAudience.Staff });

        Assert.True(response.TimedOut);
    }

    private static void AssertSame(SearchResponse lucene, SearchResponse windowed)
    {
        Assert.Equal(lucene.Total, windowed.Total);
        Assert.Equal(lucene.Hits.Select(h => h.Id), windowed.Hits.Select(h => h.Id));
        Assert.Equal(lucene.Hits.Select(h => h.Score), windowed.Hits.Select(h => h.Score));
        Assert.Equal(Facets(lucene), Facets(windowed));
        Assert.Equal(lucene.FacetsApproximate, windowed.FacetsApproximate);
        Assert.Equal(lucene.NextCursor, windowed.NextCursor);
        Assert.False(windowed.TimedOut);
    }

    private static async Task<SearchResponse> Search(SearchService service, SearchRequest request)
    {
        var result = await service.SearchAsync(request, default);
        Assert.True(result.Succeeded, result.Succeeded ? "" : result.Errors[0].Message);
        return result.Value;
    }

    private static async Task<List<(Lantai.Catalogue.RecordId, float)>> Walk(SearchService service, string query, SearchSort sort)
    {
        var hits = new List<(Lantai.Catalogue.RecordId, float)>();
        string? after = null;
        do
        {
            var page = await Search(service, new SearchRequest { Query = query, Audience = SearchAudience.Staff, Clearance = 4, Sort = sort, PageSize = 100, After = after, IncludeFacets = false });
            hits.AddRange(page.Hits.Select(h => (h.Id, h.Score)));
            after = page.NextCursor;
        }
        while (after is not null);

        return hits;
    }

    private static List<(string, string, long)> Facets(SearchResponse response) =>
        [.. response.Facets.SelectMany(f => f.Values.Select(v => (f.Field, v.Value, v.Count)))];
}
