using Lantai.Search;

namespace Lantai.Tests.Search.Query;

public sealed class SearchQueryTests(SqliteCatalogueFixture fixture) : IClassFixture<SqliteCatalogueFixture>
{
    private SearchCatalogue Catalogue => fixture.Catalogue;

    [Theory]
    [InlineData("征集", new[] { "征集批复" })]
    [InlineData("档案 安全", new[] { "安全检查" })]
    [InlineData("档案 AND 安全", new[] { "安全检查" })]
    [InlineData("档案 与 安全", new[] { "安全检查" })]
    [InlineData("征集 OR 数字化", new[] { "征集批复", "外包合同" })]
    [InlineData("征集 或 数字化", new[] { "征集批复", "外包合同" })]
    [InlineData("(征集 OR 检查) 题名:通知", new[] { "安全检查" })]
    [InlineData("\"档案征集\"", new[] { "征集批复" })]
    [InlineData("“档案征集”", new[] { "征集批复" })]
    [InlineData("「档案征集」", new[] { "征集批复" })]
    [InlineData("题名:征集", new[] { "征集批复" })]
    [InlineData("title:征集", new[] { "征集批复" })]
    [InlineData("题名：征集", new[] { "征集批复" })]
    [InlineData("责任者:人民政府", new[] { "安全检查" })]
    [InlineData("author:组织部", new[] { "干部任免" })]
    [InlineData("文号:〔2018〕3号", new[] { "安全检查" })]
    [InlineData("docno:2012", new[] { "外包合同" })]
    [InlineData("全宗:X013", new[] { "外包合同" })]
    [InlineData("全宗:第二档案馆", new[] { "外包合同" })]
    [InlineData("fonds:x013", new[] { "外包合同" })]
    [InlineData("保管期限:永久 题名:档案", new[] { "征集批复", "基建报告", "边境秘密" })]
    [InlineData("retention:Y 题名:档案", new[] { "征集批复", "基建报告", "边境秘密" })]
    [InlineData("开放状态:控制", new[] { "干部任免" })]
    [InlineData("open:Unreviewed", new[] { "基建报告" })]
    [InlineData("载体:电子", new[] { "外包合同" })]
    [InlineData("密级:秘密", new[] { "边境秘密" })]
    [InlineData("密级:内部", new[] { "内部办法" })]
    [InlineData("备注:水渍", new[] { "征集批复" })]
    [InlineData("全文:革命历史", new[] { "征集批复" })]
    [InlineData("内容:补偿标准", new[] { "工作总结" })]
    [InlineData("年度:2014", new[] { "内部办法" })]
    [InlineData("2014", new[] { "内部办法" })]
    [InlineData("2005 OR 2003", new[] { "干部任免", "基建报告" })]
    [InlineData("年度:2003-2005", new[] { "干部任免", "基建报告" })]
    [InlineData("年度:2003..2005", new[] { "干部任免", "基建报告" })]
    [InlineData("year:2003~2005", new[] { "干部任免", "基建报告" })]
    public async Task Search_QueryForm_FindsExactlyTheseRecords(string query, string[] expected)
    {
        var names = await Catalogue.NamesAsync(query);

        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("档案 -征集")]
    [InlineData("档案 NOT 征集")]
    [InlineData("档案 非 征集")]
    [InlineData("档案 -题名:征集")]
    public async Task Search_Not_ExcludesTheRecord(string query)
    {
        var names = await Catalogue.NamesAsync(query);

        Assert.Contains("安全检查", names);
        Assert.DoesNotContain("征集批复", names);
    }

    [Fact]
    public async Task Search_OnlyExclusions_FindEverythingElse()
    {
        var names = await Catalogue.NamesAsync("-档案");

        Assert.Equal(["会议纪要", "干部任免"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_EmptyQuery_ListsEveryVisibleRecord()
    {
        var response = await Catalogue.SearchAsync("");

        Assert.Equal(9, response.Total);
    }

    [Theory]
    [InlineData("((征集")]
    [InlineData("征集 OR")]
    [InlineData("\"征集")]
    [InlineData("AND 征集 )")]
    public async Task Search_BadSyntax_IsReadLeniently(string query)
    {
        var names = await Catalogue.NamesAsync(query);

        Assert.Equal(["征集批复"], names);
    }

    [Theory]
    [InlineData("年度:abc", "年度")]
    [InlineData("，。、", "没有可检索")]
    public async Task Search_Unsearchable_IsAChineseError(string query, string mentions)
    {
        var result = await Catalogue.Service().SearchAsync(new SearchRequest { Query = query, Audience = SearchAudience.Staff }, default);

        Assert.False(result.Succeeded);
        Assert.Contains(mentions, result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TitleMatch_RanksAboveContentMatch()
    {
        var names = await Catalogue.NamesAsync("工作总结");

        Assert.Equal(["工作总结", "安全检查"], names);
    }

    [Fact]
    public async Task Search_ArchivalCode_FindsTheRecord()
    {
        var code = Catalogue.Records["外包合同"].ArchivalCode;

        Assert.Equal(["外包合同"], await Catalogue.NamesAsync("档号:\"" + code + "\""));
        Assert.Equal("外包合同", (await Catalogue.NamesAsync(code))[0]);
    }

    [Fact]
    public async Task Search_OneCharacter_FindsRecords()
    {
        var names = await Catalogue.NamesAsync("纪");

        Assert.Equal(["会议纪要"], names);
    }

    [Fact]
    public async Task RepeatedWord_FindsWhatTheWordFinds_InTheSameOrder()
    {
        var once = await Catalogue.SearchAsync("档案");
        var twice = await Catalogue.SearchAsync("档案 档案");

        Assert.Equal(once.Total, twice.Total);
        Assert.Equal(once.Hits.Select(h => h.Id), twice.Hits.Select(h => h.Id));
    }
}
