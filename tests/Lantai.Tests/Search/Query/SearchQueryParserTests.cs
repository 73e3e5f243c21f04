using Lantai.Search.Query;

namespace Lantai.Tests.Search.Query;

public sealed class SearchQueryParserTests
{
    [Fact]
    public void Parse_FullWidthColonAndChineseQuotes_GiveFieldPhrase()
    {
        var node = SearchQueryParser.Parse("题名：“档案征集”");

        Assert.Equal(new TextNode(QueryField.Title, "档案征集", IsPhrase: true), node);
    }

    [Theory]
    [InlineData("「档案征集」")]
    [InlineData("『档案征集』")]
    [InlineData("\"档案征集\"")]
    public void Parse_AnyQuotes_GivePhrase(string query) =>
        Assert.Equal(new TextNode(null, "档案征集", IsPhrase: true), SearchQueryParser.Parse(query));

    [Theory]
    [InlineData("title:征集", nameof(QueryField.Title))]
    [InlineData("责任者:档案局", nameof(QueryField.Author))]
    [InlineData("DOCNO:12号", nameof(QueryField.DocumentNumber))]
    [InlineData("内容:征集", nameof(QueryField.Content))]
    [InlineData("全文:征集", nameof(QueryField.Content))]
    [InlineData("密级:秘密", nameof(QueryField.Classification))]
    [InlineData("开放状态:开放", nameof(QueryField.OpenStatus))]
    public void Parse_ChineseAndEnglishFieldNames_NameTheField(string query, string field) =>
        Assert.Equal(Enum.Parse<QueryField>(field), Assert.IsType<TextNode>(SearchQueryParser.Parse(query)).Field);

    [Fact]
    public void Parse_OrBindsTighterThanAnd()
    {
        var node = Assert.IsType<AndNode>(SearchQueryParser.Parse("档案 征集 OR 收集"));

        Assert.Equal(new TextNode(null, "档案", false), node.Items[0]);
        Assert.Equal(2, Assert.IsType<OrNode>(node.Items[1]).Items.Count);
    }

    [Theory]
    [InlineData("档案 与 征集")]
    [InlineData("档案 AND 征集")]
    [InlineData("档案 && 征集")]
    [InlineData("+档案 +征集")]
    public void Parse_AndForms_AllGiveAnd(string query) =>
        Assert.Equal(2, Assert.IsType<AndNode>(SearchQueryParser.Parse(query)).Items.Count);

    [Theory]
    [InlineData("档案 -征集")]
    [InlineData("档案 NOT 征集")]
    [InlineData("档案 非 征集")]
    [InlineData("档案 －征集")]
    public void Parse_NotForms_AllGiveNot(string query) =>
        Assert.Equal(new NotNode(new TextNode(null, "征集", false)), Assert.IsType<AndNode>(SearchQueryParser.Parse(query)).Items[1]);

    [Fact]
    public void Parse_Parentheses_GroupAndCarryTheField()
    {
        var node = Assert.IsType<OrNode>(SearchQueryParser.Parse("题名:(征集 OR 收集)"));

        Assert.All(node.Items, i => Assert.Equal(QueryField.Title, Assert.IsType<TextNode>(i).Field));
    }

    [Theory]
    [InlineData("京政发(2021)12号")]
    [InlineData("0426-WS·2016-Y-BGS-0001")]
    [InlineData("10:30")]
    [InlineData("foo:bar")]
    public void Parse_SyntaxCharactersInsideAWord_StayText(string query) =>
        Assert.Equal(new TextNode(null, query, false), SearchQueryParser.Parse(query));

    [Theory]
    [InlineData("((征集")]
    [InlineData("征集))")]
    [InlineData("征集 OR")]
    [InlineData("AND 征集")]
    [InlineData("\"征集")]
    [InlineData("征集 OR OR")]
    [InlineData("(征集 ))")]
    public void Parse_BadSyntax_IsReadLeniently(string query) =>
        Assert.Equal(new TextNode(null, "征集", query.Contains('"', StringComparison.Ordinal)), SearchQueryParser.Parse(query));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("()")]
    [InlineData("AND OR")]
    [InlineData("题名:")]
    public void Parse_NothingToSearch_GivesNull(string query) => Assert.Null(SearchQueryParser.Parse(query));

    [Theory]
    [InlineData("2016", 2016, 2016)]
    [InlineData("2001-2010", 2001, 2010)]
    [InlineData("2001..2010", 2001, 2010)]
    [InlineData("2010~2001", 2001, 2010)]
    [InlineData("2001至2010", 2001, 2010)]
    [InlineData("２０１６年", 2016, 2016)]
    [InlineData("2001-", 2001, null)]
    [InlineData("..2010", null, 2010)]
    public void YearRange_Forms_AreRead(string text, int? from, int? to)
    {
        Assert.True(YearRange.TryParse(text, out var f, out var t));
        Assert.Equal((from, to), (f, t));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("16")]
    [InlineData("-")]
    public void YearRange_Nonsense_IsRefused(string text) => Assert.False(YearRange.TryParse(text, out _, out _));
}
