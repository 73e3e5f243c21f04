using Lantai.Search.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Lantai.Tests.Search.Analysis;

public sealed class LantaiAnalyzerTokensTests
{
    private static string Terms(string text) =>
        string.Join(" ", LantaiAnalyzer.Tokens(text).Select(t => $"{t.Term}@{t.Position}"));

    [Fact]
    public void Tokens_YearWithHanSuffix_SplitsAtScriptBoundary() => Assert.Equal("2021@0 年@1", Terms("2021年"));

    [Fact]
    public void Tokens_DocumentNumber_SplitsIntoYearNumberAndHan() => Assert.Equal("2021@0 12@1 号@2", Terms("〔2021〕12号"));

    [Theory]
    [InlineData("〔2021〕")]
    [InlineData("[2021]")]
    [InlineData("（2021）")]
    [InlineData("(2021)")]
    [InlineData("【2021】")]
    [InlineData("［２０２１］")]
    public void Tokens_BracketVariants_GiveTheSameTerm(string text) => Assert.Equal("2021@0", Terms(text));

    [Fact]
    public void Tokens_CjkRun_GivesUnigramAndBigramAtEachPosition() =>
        Assert.Equal("档@0 档案@0 案@1 案馆@1 馆@2", Terms("档案馆"));

    [Theory]
    [InlineData("档 案馆")]
    [InlineData("档\u3000案  馆")]
    [InlineData("档\n案\r\n馆")]
    [InlineData("檔案館")]
    public void Tokens_SpacesBetweenCjkAndTraditionalForms_GiveTheSameTokens(string text) =>
        Assert.Equal("档@0 档案@0 案@1 案馆@1 馆@2", Terms(text));

    [Fact]
    public void Tokens_SpaceBetweenNumberAndHan_GivesTheSameTokens() => Assert.Equal(Terms("12号"), Terms("12 号"));

    [Fact]
    public void Tokens_PunctuationBetweenCjk_EndsTheRun() => Assert.Equal("档@0 档案@0 案@1 馆@2 馆藏@2 藏@3", Terms("档案，馆藏"));

    [Fact]
    public void Tokens_LatinWords_AreLowerCasedAndSplitFromHanAndDigits() =>
        Assert.Equal("pdf@0 文@1 文件@1 件@2 z@3 109@4 ws@5", Terms("PDF文件 Z109-ＷＳ"));

    [Fact]
    public void Tokens_Offsets_PointIntoTheOriginalText()
    {
        const string text = "关于〔2021〕１２号 檔 案ABC的通知";
        foreach (var token in LantaiAnalyzer.Tokens(text))
        {
            var original = text[token.StartOffset..token.EndOffset];
            Assert.Equal(token.Term, SearchKeyFolding.Fold(original).Replace(" ", "", StringComparison.Ordinal));
        }
        var bigram = LantaiAnalyzer.Tokens(text).Single(t => t.Term == "档案");
        Assert.Equal("檔 案", text[bigram.StartOffset..bigram.EndOffset]);
    }

    [Fact]
    public void Tokens_OffsetsAfterRemovedCharacters_StillMapBack()
    {
        const string mongolian = "\u182C\u1820\u1837\u180E\u1820"; // qar-a with the vowel separator
        var text = $"{mongolian}\u200B 档案";

        var tokens = LantaiAnalyzer.Tokens(text);

        Assert.Equal(new AnalyzedToken("\u182C\u1820\u1837\u1820", 0, 0, 5), tokens[0]);
        var dang = tokens.Single(t => t.Term == "档");
        Assert.Equal("档", text[dang.StartOffset..dang.EndOffset]);
        Assert.Equal(text.IndexOf('档', StringComparison.Ordinal), dang.StartOffset);
    }

    [Theory]
    [InlineData("\u182E\u1823\u1829\u182D\u1823\u182F\u202F\u1824\u1828")] // suffix after NNBSP, as written properly
    [InlineData("\u182E\u1823\u1829\u182D\u1823\u182F \u1824\u1828")] // suffix after an ordinary space
    [InlineData("\u182E\u1823\u1829\u182D\u180B\u1823\u182F\u202F\u1824\u1828")] // with a free variation selector
    [InlineData("\u182E\u1824\u1829\u182D\u1824\u182F\u202F\u1824\u1828")] // o typed as u: the same shapes
    public void Tokens_MongolianWordWithSuffix_GivesStemAndSuffixTokens(string text) =>
        Assert.Equal("\u182E\u1824\u1829\u182D\u1824\u182F@0 \u1824\u1828@1", Terms(text));

    [Fact]
    public void Tokens_MongolianDigitsAndPunctuation_AreFolded() =>
        Assert.Equal("2021@0 \u1824\u1828@1", Terms("\u1812\u1810\u1812\u1811\u1803\u1823\u1828"));

    [Fact]
    public void Tokens_SupplementaryHan_KeepsSurrogatePairsWhole()
    {
        var tokens = LantaiAnalyzer.Tokens("\U00020000\U00020001");

        Assert.Equal(
            [new("\U00020000", 0, 0, 2), new("\U00020000\U00020001", 0, 0, 4), new("\U00020001", 1, 2, 4)],
            tokens);
    }

    [Fact]
    public void Tokens_VeryLongWord_IsCutIntoPieces()
    {
        var tokens = LantaiAnalyzer.Tokens(new string('a', 600));

        Assert.Equal([255, 255, 90], tokens.Select(t => t.Term.Length));
        Assert.Equal([0, 255, 510], tokens.Select(t => t.StartOffset));
    }

    [Fact]
    public void Tokens_NothingSearchable_GivesNoTokens() => Assert.Empty(LantaiAnalyzer.Tokens("〔〕，。 \u180E\u200D"));

    [Fact]
    public void TokenStream_IsReusedAcrossFields_AndAgreesWithTokens()
    {
        using var analyzer = new LantaiAnalyzer();
        string[] texts = ["〔2021〕12号 檔案館", "ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ ABC", "", new string('字', 5000)];

        foreach (var text in texts)
        {
            var seen = new List<AnalyzedToken>();
            using (var stream = analyzer.GetTokenStream("title", text))
            {
                var term = stream.AddAttribute<ICharTermAttribute>();
                var offset = stream.AddAttribute<IOffsetAttribute>();
                var increment = stream.AddAttribute<IPositionIncrementAttribute>();
                stream.Reset();
                var position = -1;
                while (stream.IncrementToken())
                {
                    position += increment.PositionIncrement;
                    seen.Add(new AnalyzedToken(term.ToString(), position, offset.StartOffset, offset.EndOffset));
                }
                stream.End();
                Assert.Equal(text.Length, offset.EndOffset);
            }
            Assert.Equal(LantaiAnalyzer.Tokens(text), seen);
        }
    }
}
