using Lantai.Search.Analysis;

namespace Lantai.Tests.Search.Analysis;

public sealed class SearchKeyFoldingTests
{
    [Theory]
    [InlineData("ＡＢＣ", "abc")]
    [InlineData("ABC", "abc")]
    [InlineData("１２", "12")]
    [InlineData("（２０２１）", "(2021)")]
    [InlineData("Ｚ１０９－ＷＳ", "z109-ws")]
    public void Fold_FullWidthAndUpperCase_BecomeHalfWidthLowerCase(string text, string expected) =>
        Assert.Equal(expected, SearchKeyFolding.Fold(text));

    [Theory]
    [InlineData("檔案", "档案")]
    [InlineData("沈從文", "沈从文")]
    [InlineData("檔案館藏", "档案馆藏")]
    [InlineData("關於開展檔案徵集工作的通知", "关于开展档案征集工作的通知")]
    public void Fold_Traditional_BecomesSimplified(string text, string expected) =>
        Assert.Equal(expected, SearchKeyFolding.Fold(text));

    [Theory]
    [InlineData("档案")]
    [InlineData("沈从文")]
    [InlineData("关于开展档案征集工作的通知")]
    public void Fold_Simplified_StaysAsItIs(string text) => Assert.Equal(text, SearchKeyFolding.Fold(text));

    [Theory]
    [InlineData("\u182C\u180B\u1820\u1837\u1820\u1837", "\u182C\u1820\u1837\u1820\u1837")] // FVS1
    [InlineData("\u182C\u1820\u180C\u1837", "\u182C\u1820\u1837")] // FVS2
    [InlineData("\u182C\u1820\u180D\u1837", "\u182C\u1820\u1837")] // FVS3
    [InlineData("\u182C\u1820\u180F\u1837", "\u182C\u1820\u1837")] // FVS4
    [InlineData("\u182C\u1820\u1837\u180E\u1820", "\u182C\u1820\u1837\u1820")] // MVS
    [InlineData("\u182C\u200D\u1820\u200C\u1837", "\u182C\u1820\u1837")] // ZWJ, ZWNJ
    public void Fold_MongolianInvisibleCharacters_AreRemoved(string text, string expected) =>
        Assert.Equal(expected, SearchKeyFolding.Fold(text));

    [Fact]
    public void Fold_MongolianDigits_BecomeAsciiDigits() => Assert.Equal("2021", SearchKeyFolding.Fold("\u1812\u1810\u1812\u1811"));

    [Fact]
    public void Fold_MongolianOAndU_WhichLookAlike_FoldTogether() =>
        Assert.Equal(SearchKeyFolding.Fold("\u182E\u1824\u1829\u182D\u1824\u182F"), SearchKeyFolding.Fold("\u182E\u1823\u1829\u182D\u1823\u182F"));

    [Theory]
    [InlineData("\u3000", " ")] // ideographic space
    [InlineData("\u202F", " ")] // narrow no-break space
    [InlineData("\uFA0C", "\u5140")] // compatibility ideograph 兀 → unified 兀
    [InlineData("\u2F00", "一")] // Kangxi radical one, as OCR sometimes gives it
    [InlineData("①", "1")]
    public void Fold_CompatibilityCharacters_BecomeTheirPlainForm(string text, string expected) =>
        Assert.Equal(expected, SearchKeyFolding.Fold(text));

    [Fact]
    public void Fold_IsIdempotent_ForEveryBmpCharacter()
    {
        var wrong = new List<string>();
        for (var i = 0; i < 65536; i++)
        {
            if (char.IsSurrogate((char)i))
            {
                continue;
            }
            var once = SearchKeyFolding.Fold(((char)i).ToString());
            if (SearchKeyFolding.Fold(once) != once)
            {
                wrong.Add($"U+{i:X4}→{once}→{SearchKeyFolding.Fold(once)}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join(", ", wrong));
    }

    [Fact]
    public void Fold_StoredTextArgument_IsNotChanged()
    {
        var stored = "檔案 ＡＢＣ";
        var key = SearchKeyFolding.Fold(stored);

        Assert.Equal("檔案 ＡＢＣ", stored);
        Assert.Equal("档案 abc", key);
    }
}
