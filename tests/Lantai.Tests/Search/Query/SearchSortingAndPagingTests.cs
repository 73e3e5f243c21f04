using Lantai.Search;

namespace Lantai.Tests.Search.Query;

public sealed class SearchSortingAndPagingTests(SqliteCatalogueFixture fixture) : IClassFixture<SqliteCatalogueFixture>
{
    private SearchCatalogue Catalogue => fixture.Catalogue;

    [Fact]
    public async Task Sort_DateNewest_PutsLatestFirst()
    {
        var hits = (await Catalogue.SearchAsync("", change: r => r with { Sort = SearchSort.DateNewest })).Hits;

        Assert.Equal(hits.Select(h => h.Date).OrderDescending(), hits.Select(h => h.Date));
        Assert.Equal(new DateOnly(2018, 9, 1), hits[0].Date);
    }

    [Fact]
    public async Task Sort_DateOldest_PutsEarliestFirst()
    {
        var hits = (await Catalogue.SearchAsync("档案", change: r => r with { Sort = SearchSort.DateOldest })).Hits;

        Assert.Equal(hits.Select(h => h.Date).Order(), hits.Select(h => h.Date));
        Assert.Equal("基建报告", Catalogue.NameOf(hits[0].Id));
    }

    [Fact]
    public async Task Sort_ArchivalCode_OrdersByCode()
    {
        var hits = (await Catalogue.SearchAsync("", change: r => r with { Sort = SearchSort.ArchivalCode })).Hits;

        Assert.Equal(hits.Select(h => h.ArchivalCode).Order(StringComparer.Ordinal), hits.Select(h => h.ArchivalCode));
    }

    [Theory]
    [InlineData(SearchSort.Relevance, "")]
    [InlineData(SearchSort.Relevance, "档案")]
    [InlineData(SearchSort.DateNewest, "")]
    [InlineData(SearchSort.DateOldest, "档案 OR 会议")]
    [InlineData(SearchSort.ArchivalCode, "")]
    public async Task Paging_CursorPages_EqualNumberedPagesAndOneBigPage(SearchSort sort, string query)
    {
        var all = (await Catalogue.SearchAsync(query, change: r => r with { Sort = sort, PageSize = 100 })).Hits.Select(h => h.Id).ToList();

        var byPage = new List<Lantai.Catalogue.RecordId>();
        for (var page = 1; page <= 5; page++)
        {
            byPage.AddRange((await Catalogue.SearchAsync(query, change: r => r with { Sort = sort, PageSize = 2, Page = page })).Hits.Select(h => h.Id));
        }

        var byCursor = new List<Lantai.Catalogue.RecordId>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await Catalogue.SearchAsync(query, change: r => r with { Sort = sort, PageSize = 2, After = cursor });
            byCursor.AddRange(response.Hits.Select(h => h.Id));
            Assert.Equal(all.Count, response.Total);
            cursor = response.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.True(all.Count > 2);
        Assert.Equal(all, byPage);
        Assert.Equal(all, byCursor);
        Assert.Equal((all.Count + 1) / 2, pages);
    }

    [Fact]
    public async Task Paging_LastPage_HasNoCursor()
    {
        var response = await Catalogue.SearchAsync("", change: r => r with { PageSize = 9 });

        Assert.Equal(9, response.Hits.Count);
        Assert.Null(response.NextCursor);
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("AQIDBAUGBwgJ")]
    [InlineData("")]
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Paging_ForgedCursor_IsAnError(string cursor)
    {
        var result = await Catalogue.Service().SearchAsync(new SearchRequest { Audience = SearchAudience.Staff, After = cursor == "" ? "=" : cursor }, default);

        Assert.False(result.Succeeded);
        Assert.Equal("after", result.Errors[0].Field);
    }

    [Fact]
    public async Task Paging_CursorOfAnotherSearch_IsAnError()
    {
        var first = await Catalogue.SearchAsync("档案", change: r => r with { PageSize = 2 });

        var other = await Catalogue.Service().SearchAsync(new SearchRequest { Query = "征集", Audience = SearchAudience.Staff, After = first.NextCursor }, default);
        var otherSort = await Catalogue.Service().SearchAsync(new SearchRequest { Query = "档案", Audience = SearchAudience.Staff, Sort = SearchSort.DateNewest, After = first.NextCursor }, default);
        var otherAudience = await Catalogue.Service().SearchAsync(new SearchRequest { Query = "档案", Audience = SearchAudience.Public, After = first.NextCursor }, default);

        Assert.NotNull(first.NextCursor);
        Assert.False(other.Succeeded);
        Assert.False(otherSort.Succeeded);
        Assert.False(otherAudience.Succeeded);
    }

    [Fact]
    public async Task Paging_TooDeepByPageNumber_IsAnError()
    {
        var result = await Catalogue.Service().SearchAsync(new SearchRequest { Audience = SearchAudience.Staff, Page = 1000, PageSize = 20 }, default);

        Assert.False(result.Succeeded);
        Assert.Equal("page", result.Errors[0].Field);
    }

    [Fact]
    public async Task Paging_PageSize_IsCapped()
    {
        var response = await Catalogue.SearchAsync("", change: r => r with { PageSize = 100_000 });

        Assert.Equal(9, response.Hits.Count);
    }

    [Fact]
    public async Task TimeLimit_Exceeded_ReturnsTimedOutInsteadOfFailing()
    {
        var service = Catalogue.Service();
        service.TimeLimit = TimeSpan.Zero;
        service.CacheResults = false; // a fresh pass: a cached complete answer would be served regardless of the limit

        var result = await service.SearchAsync(new SearchRequest { Query = "档案", Audience = SearchAudience.Staff }, default);

        Assert.True(result.Succeeded);
        Assert.True(result.Value.TimedOut);
    }

    [Fact]
    public async Task Cancellation_IsHonoured()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Catalogue.Service().SearchAsync(new SearchRequest { Query = "档案", Audience = SearchAudience.Staff }, cancelled.Token));
    }
}
