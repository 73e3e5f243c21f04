using Lantai.Search.Analysis;

namespace Lantai.Tests.Search.Analysis;

public sealed class QueryTokensTests
{
    private static string Query(string text) =>
        string.Join(" ", LantaiAnalyzer.QueryTokens(text).Select(t => $"{t.Term}@{t.Position}"));

    [Fact]
    public void QueryTokens_MultiCharacterCjk_GivesBigramsOnly() => Assert.Equal("档案@0 案馆@1", Query("档案馆"));

    [Fact]
    public void QueryTokens_TwoCharacters_GiveOneBigram() => Assert.Equal("档案@0", Query("檔案"));

    [Fact]
    public void QueryTokens_OneCharacter_GivesItsUnigram() => Assert.Equal("档@0", Query("檔"));

    [Fact]
    public void QueryTokens_NumberThenHan_GivesNumberAndUnigram() => Assert.Equal("12@0 号@1", Query("12号"));

    [Fact]
    public void QueryTokens_DocumentNumber_KeepsIndexPositions() => Assert.Equal("2021@0 12@1 号@2", Query("〔2021〕12号"));

    [Fact]
    public void QueryTokens_RunThenNumber_SkipsThePositionOfTheRunsLastCharacter() =>
        Assert.Equal("号文@0 文件@1 12@3", Query("号文件12"));

    [Fact]
    public void QueryTokens_RunsSplitByPunctuation_KeepEachRunsTerms() =>
        Assert.Equal("档@0 馆藏@1", Query("档，馆藏"));

    [Fact]
    public void QueryTokens_NothingSearchable_IsEmpty() => Assert.Empty(LantaiAnalyzer.QueryTokens("〔〕 ，"));
}
