using Lantai.Search;

namespace Lantai.Tests.Search.Query;

public sealed class SearchSnippetTests(SqliteCatalogueFixture fixture) : IClassFixture<SqliteCatalogueFixture>
{
    private SearchCatalogue Catalogue => fixture.Catalogue;

    private async Task<SearchHit> HitAsync(string query, string name, SearchAudience audience = SearchAudience.Staff) =>
        (await Catalogue.SearchAsync(query, audience)).Hits.Single(h => Catalogue.NameOf(h.Id) == name);

    [Fact]
    public async Task Snippet_Title_MarksTheWord()
    {
        var hit = await HitAsync("征集", "征集批复");

        var title = hit.Snippets[0];
        Assert.Equal(SearchFields.Title, title.Field);
        Assert.Equal("关于档案【征集】工作的批复", title.ToString());
        Assert.Equal([false, true, false], title.Parts.Select(p => p.IsMatch));
    }

    [Fact]
    public async Task Snippet_Phrase_IsMarkedAsOneStretch()
    {
        var hit = await HitAsync("\"档案征集\"", "征集批复");

        Assert.Equal("关于【档案征集】工作的批复", hit.Snippets[0].ToString());
    }

    [Fact]
    public async Task Snippet_Content_IsAWindowAroundTheMatch()
    {
        var hit = await HitAsync("革命历史", "征集批复");

        var content = Assert.Single(hit.Snippets, s => s.Field == SearchFields.Content);
        var text = content.ToString();
        Assert.Contains("【革命历史】", text, StringComparison.Ordinal);
        Assert.StartsWith("…", text, StringComparison.Ordinal);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.InRange(string.Concat(content.Parts.Select(p => p.Text)).Length, 20, 90);
    }

    [Fact]
    public async Task Snippet_ExcludedWords_AreNotMarked()
    {
        var hit = await HitAsync("档案 -征集 -会议", "安全检查");

        Assert.Equal("关于开展【档案】安全检查的通知", hit.Snippets[0].ToString());
    }

    [Fact]
    public async Task Snippet_FieldQuery_MarksOnlyThatField()
    {
        var hit = await HitAsync("责任者:档案局", "征集批复");

        Assert.Equal(SearchFields.Author, Assert.Single(hit.Snippets).Field);
    }

    [Fact]
    public async Task Snippet_NotWanted_NoneAreMade()
    {
        var response = await Catalogue.SearchAsync("征集", change: r => r with { IncludeSnippets = false });

        Assert.Empty(response.Hits[0].Snippets);
    }
}
