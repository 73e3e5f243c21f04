namespace Lantai.Tests.Search.Analysis;

/// <summary>Each folding and segmentation rule through a real Lucene index: index the stored text, search with the query's phrase.</summary>
public sealed class LuceneRoundTripTests
{
    [Theory]
    [InlineData("〔2021〕12号", "2021")]
    [InlineData("〔2021〕12号", "12号")]
    [InlineData("关于印发〔2021〕12号文件的通知", "12号文件")]
    [InlineData("[2021]12号", "〔2021〕12号")]
    [InlineData("（2021）", "〔2021〕")]
    [InlineData("〔2021〕", "(2021)")]
    public void Search_BracketAndNumberVariants_FindTheRecord(string stored, string query) =>
        Assert.True(LuceneProbe.Matches(stored, query));

    [Theory]
    [InlineData("ＡＢＣ公司来函", "ABC")]
    [InlineData("ABC公司来函", "ＡＢＣ")]
    [InlineData("abc公司来函", "ABC公司")]
    [InlineData("１２号", "12号")]
    [InlineData("12号", "１２号")]
    public void Search_FullWidthAndHalfWidth_FindEachOther(string stored, string query) =>
        Assert.True(LuceneProbe.Matches(stored, query));

    [Theory]
    [InlineData("檔案館藏", "档案")]
    [InlineData("档案馆藏", "檔案")]
    [InlineData("沈從文手稿", "沈从文")]
    [InlineData("沈从文手稿", "沈從文")]
    [InlineData("檔案", "档")]
    public void Search_TraditionalAndSimplified_FindEachOther(string stored, string query) =>
        Assert.True(LuceneProbe.Matches(stored, query));

    [Theory]
    [InlineData("2021年工作总结", "2021")]
    [InlineData("2021年工作总结", "2021年")]
    [InlineData("2021年工作总结", "年")]
    [InlineData("关于档案征集工作的批复", "征")]
    [InlineData("关于档案征集工作的批复", "档案征集")]
    [InlineData("12 号", "12号")]
    [InlineData("档 案 征 集", "档案征集")]
    [InlineData("档案征集", "档 案")]
    public void Search_ScriptBoundariesSpacesAndSingleCharacters_FindTheRecord(string stored, string query) =>
        Assert.True(LuceneProbe.Matches(stored, query));

    [Theory]
    [InlineData("\u182E\u1823\u1829\u182D\u1823\u182F\u202F\u1824\u1828", "\u182E\u1823\u1829\u182D\u1823\u182F \u1824\u1828")]
    [InlineData("\u182E\u1823\u1829\u182D\u1823\u182F \u1824\u1828", "\u182E\u1823\u1829\u182D\u1823\u182F\u202F\u1824\u1828")]
    [InlineData("\u182E\u1823\u1829\u182D\u180B\u1823\u182F", "\u182E\u1823\u1829\u182D\u1823\u182F")]
    [InlineData("\u182E\u1823\u1829\u182D\u1823\u182F", "\u182E\u1823\u1829\u182D\u180C\u1823\u182F")]
    [InlineData("\u182C\u1820\u1837\u180E\u1820", "\u182C\u1820\u1837\u1820")]
    [InlineData("\u182C\u1820\u1837\u1820", "\u182C\u1820\u1837\u180E\u1820")]
    [InlineData("\u182E\u1824\u1829\u182D\u1824\u182F", "\u182E\u1823\u1829\u182D\u1823\u182F")]
    [InlineData("\u182E\u1823\u1829\u182D\u1823\u182F\u202F\u1824\u1828", "\u182E\u1823\u1829\u182D\u1823\u182F")]
    [InlineData("\u1812\u1810\u1812\u1811 \u1823\u1828", "2021")]
    public void Search_MongolianVariantsThatLookTheSame_FindEachOther(string stored, string query) =>
        Assert.True(LuceneProbe.Matches(stored, query));

    [Theory]
    [InlineData("档案馆", "案档")]
    [InlineData("档案，馆藏", "案馆")]
    [InlineData("2021年工作总结", "2022")]
    [InlineData("关于档案工作", "档案局")]
    [InlineData("〔2021〕12号", "2021号")]
    public void Search_OtherWords_DoNotFindTheRecord(string stored, string query) =>
        Assert.False(LuceneProbe.Matches(stored, query));

    [Fact]
    public void Search_OneCharacterQuery_FindsEveryRecordWithTheCharacter()
    {
        using var probe = new LuceneProbe("档案征集", "征兵工作", "档案馆", "年度报告");

        Assert.Equal([0, 1], probe.Find("征"));
        Assert.Equal([0, 2], probe.Find("檔"));
    }
}
