using Lantai.Common.Pdf;
using SkiaSharp;

namespace Lantai.Tests.Catalogue.Export;

public sealed class PdfTextPainterTests
{
    [Fact]
    public void Wrap_ChineseTitle_BreaksBetweenCharactersWithinTheWidth()
    {
        using var painter = new PdfTextPainter();
        const string title = "关于做好档案数字化扫描工作的通知（第一批重点档案抢救保护项目）";

        var lines = painter.Wrap(title, 9, 100);

        Assert.True(lines.Count > 1);
        Assert.Equal(title, string.Concat(lines));
        Assert.All(lines, l => Assert.True(painter.Measure(l, 9) <= 100.01f, $"“{l}” is too wide"));
        Assert.DoesNotContain(lines, l => l.StartsWith('）') || l.StartsWith('，'));
        Assert.DoesNotContain(lines, l => l.EndsWith('（'));
    }

    [Fact]
    public void Wrap_ArchivalCode_BreaksOnlyAfterHyphens()
    {
        using var painter = new PdfTextPainter();

        var lines = painter.Wrap("0427-WS·2016-D10-BGS-0001", 9, 60);

        Assert.True(lines.Count > 1);
        Assert.Equal("0427-WS·2016-D10-BGS-0001", string.Concat(lines));
        Assert.All(lines[..^1], l => Assert.EndsWith("-", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Wrap_Mongolian_BreaksBetweenWordsOnly()
    {
        using var painter = new PdfTextPainter();
        const string title = "ᠥᠪᠥᠷ ᠮᠣᠩᠭᠣᠯ ᠤᠨ ᠠᠷᠬᠢᠪ ᠤᠨ ᠠᠵᠢᠯ";

        var lines = painter.Wrap(title, 9, 40);

        Assert.True(lines.Count > 1);
        Assert.Equal(title.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
        var words = title.Split(' ');
        Assert.All(lines, l => Assert.All(l.Split(' '), w => Assert.Contains(w, words)));
    }

    [Fact]
    public void Mongolian_IsShaped_NotDrawnAsIsolatedLetters()
    {
        // Shaping joins letters: the shaped word is narrower than its isolated forms laid side by side.
        using var painter = new PdfTextPainter();
        using var font = new SKFont(PdfFonts.Mongolian, 9);
        const string word = "ᠮᠣᠩᠭᠣᠯ";

        var shaped = painter.Measure(word, 9);
        var isolated = font.MeasureText(word);

        Assert.True(Math.Abs(isolated - shaped) > 0.5f, $"shaped {shaped}, isolated {isolated}");
    }

    [Fact]
    public void Fonts_AreFoundBesideTheBinaries()
    {
        // The fonts travel with Lantai: the build copies them into Assets/Fonts of every host, tests included.
        Assert.True(File.Exists(Path.Combine(PdfFonts.AssetsDirectory, PdfFonts.CjkFileName)));
        Assert.True(File.Exists(Path.Combine(PdfFonts.AssetsDirectory, PdfFonts.MongolianFileName)));
        Assert.Equal("WenQuanYi Zen Hei", PdfFonts.Cjk.FamilyName);
        Assert.Equal("Noto Sans Mongolian", PdfFonts.Mongolian.FamilyName);
    }

    [Fact]
    public void CjkSubset_KeepsGlyphIdsAndAdvancesOfTheGlyphsUsed()
    {
        var glyphs = PdfFonts.Cjk.GetGlyphs("归档文件目录");

        using var subset = PdfFonts.CreateCjkSubset(glyphs);

        using var full = new SKFont(PdfFonts.Cjk, 12);
        using var cut = new SKFont(subset, 12);
        Assert.Equal(glyphs, subset.GetGlyphs("归档文件目录"));
        Assert.Equal(full.MeasureText("归档文件目录 0426-WS"), cut.MeasureText("归档文件目录 0426-WS"), 0.01f);
        using var path = cut.GetGlyphPath(glyphs[0]);
        Assert.False(path.IsEmpty);
        using var dropped = cut.GetGlyphPath(PdfFonts.Cjk.GetGlyph('馆'));
        Assert.True(dropped.IsEmpty);
    }
}
