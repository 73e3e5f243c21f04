using System.Text;
using Lantai.Common;

namespace Lantai.Tests.Common;

public sealed class TextNormalizerTests
{
    /// <summary>
    /// The fast path may only accept characters NFC never changes and never reorders: each alone is NFC, and after
    /// U+0345 (combining class 240) it stays in place, so it is a starter (combining class 0).
    /// </summary>
    [Fact]
    public void IsSurelyNfc_AcceptsOnlyStartersThatNfcLeavesAlone()
    {
        var accepted = 0;
        for (var c = '\u0001'; c < '\uD800'; c++)
        {
            var alone = c.ToString();
            if (!TextNormalizer.IsSurelyNfc(alone))
            {
                continue;
            }

            accepted++;
            Assert.True(alone.IsNormalized(NormalizationForm.FormC), $"U+{(int)c:X4} alone");
            Assert.True(("\u0345" + alone).IsNormalized(NormalizationForm.FormC) || c < '\u0300', $"U+{(int)c:X4} after a combining mark");
        }

        for (var c = '\uE000'; c < '\uFFFF'; c++)
        {
            var alone = c.ToString();
            if (TextNormalizer.IsSurelyNfc(alone))
            {
                accepted++;
                Assert.True(alone.IsNormalized(NormalizationForm.FormC), $"U+{(int)c:X4} alone");
                Assert.True(("\u0345" + alone).IsNormalized(NormalizationForm.FormC), $"U+{(int)c:X4} after a combining mark");
            }
        }

        Assert.True(accepted > 20_000);
    }

    [Theory]
    [InlineData("关于红色档案征集工作的批复", "关于红色档案征集工作的批复")]
    [InlineData("  示旗政办发〔2016〕44号 ", "示旗政办发〔2016〕44号")]
    [InlineData("e\u0301", "\u00E9")]
    [InlineData("\u304B\u3099", "\u304C")]
    [InlineData("\uF900", "\u8C48")]
    [InlineData("ᠠᠷᠬᠢᠪ ᠤᠨ", "ᠠᠷᠬᠢᠪ ᠤᠨ")]
    public void Clean_TrimsAndNormalisesToNfc(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Clean(input));
}
