using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Lantai.Common.Pdf;

/// <summary>
/// Measures, wraps and draws a line of mixed Chinese, Latin and traditional Mongolian text on a PDF canvas.
/// Each run gets its font (Zen Hei, or Noto Sans Mongolian for U+1800–U+18AF). Mongolian runs are shaped with
/// HarfBuzz, because its letters change form by position, and drawn as a text blob that carries the source text and
/// its clusters: Skia then writes an ActualText span, so the shaped (unencoded) glyphs still extract as the original
/// letters. Mongolian is laid out horizontally, the line turned on its side as in horizontal Mongolian typesetting.
/// One painter per document: it holds a HarfBuzz face and caches, and is not thread-safe.
/// </summary>
public sealed class PdfTextPainter : IDisposable
{
    private const float MeasureSize = 1000f;
    private const int MaxShapeCacheEntries = 20_000;

    private readonly SKTypeface _cjk;
    private readonly SKTypeface _mongolian;
    private readonly SKShaper _mongolianShaper;
    private readonly Dictionary<float, SKFont> _cjkFonts = [];
    private readonly Dictionary<float, SKFont> _mongolianFonts = [];
    private readonly Dictionary<int, float> _cjkAdvances = [];
    private readonly Dictionary<string, float> _mongolianWidths = new(StringComparer.Ordinal);
    private readonly Dictionary<int, bool> _cjkHas = [];
    private readonly SKFont _cjkMeasure;

    /// <summary>A painter in the full fonts (measuring, or a document that does not subset).</summary>
    public PdfTextPainter()
        : this(PdfFonts.Cjk, PdfFonts.Mongolian)
    {
    }

    /// <summary>A painter in the given fonts: <paramref name="cjk"/> may be a subset of Zen Hei with the same glyph ids.</summary>
    public PdfTextPainter(SKTypeface cjk, SKTypeface mongolian)
    {
        _cjk = cjk;
        _mongolian = mongolian;
        _mongolianShaper = new SKShaper(_mongolian);
        _cjkMeasure = NewFont(_cjk, MeasureSize);
    }

    /// <summary>The Zen Hei glyphs drawn so far: what a subset of the font must keep.</summary>
    public HashSet<ushort> UsedCjkGlyphs { get; } = [];

    /// <summary>The distance between baselines of wrapped lines.</summary>
    public static float LineHeight(float size) => size * 1.3f;

    /// <summary>How far the baseline sits below the top of a line box of <see cref="LineHeight"/>.</summary>
    public static float BaselineOffset(float size) => size * 1.02f;

    public float Measure(string text, float size)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0f;
        foreach (var run in Runs(text))
        {
            width += MeasureRun(text.Substring(run.Start, run.Length), run.Mongolian, size);
        }

        return width;
    }

    /// <summary>The largest size not above <paramref name="size"/> (and not below <paramref name="minSize"/>) at which the text fits the width.</summary>
    public float FitSize(string text, float size, float maxWidth, float minSize)
    {
        var width = Measure(text, size);
        return width <= maxWidth || width <= 0 ? size : Math.Max(minSize, size * maxWidth / width);
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="maxWidth"/>: between CJK characters (not before closing
    /// or after opening punctuation), at spaces, after '-' and '/', and inside a unit only when it alone is too wide.
    /// </summary>
    public List<string> Wrap(string text, float size, float maxWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, size, maxWidth, lines);
        }

        return lines;
    }

    /// <summary>
    /// Wraps each cell of a table row to its column (<paramref name="widths"/> less <paramref name="padX"/> each side) and
    /// cuts a row taller than <paramref name="maxLines"/> to that many lines, the last ending in "…": a row must fit on
    /// one page. Returns the lines of each cell and the row's line count.
    /// </summary>
    public (List<string>[] Lines, int Count) WrapRow(IReadOnlyList<string> cells, IReadOnlyList<float> widths, float size, float padX, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(widths);
        var lines = new List<string>[cells.Count];
        var most = 1;
        for (var i = 0; i < cells.Count; i++)
        {
            lines[i] = Wrap(cells[i], size, widths[i] - (2 * padX));
            most = Math.Max(most, lines[i].Count);
        }

        if (most > maxLines)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Count > maxLines)
                {
                    lines[i] = lines[i][..maxLines];
                    lines[i][^1] = lines[i][^1].Length > 1 ? lines[i][^1][..^1] + "…" : "…";
                }
            }

            most = maxLines;
        }

        return (lines, most);
    }

    public void Draw(SKCanvas canvas, string text, float x, float baseline, float size, SKPaint paint)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var run in Runs(text))
        {
            var part = text.Substring(run.Start, run.Length);
            x += run.Mongolian ? DrawMongolian(canvas, part, x, baseline, size, paint) : DrawCjk(canvas, part, x, baseline, size, paint);
        }
    }

    public void DrawCentered(SKCanvas canvas, string text, float centerX, float baseline, float size, SKPaint paint) =>
        Draw(canvas, text, centerX - (Measure(text, size) / 2), baseline, size, paint);

    public void DrawRight(SKCanvas canvas, string text, float right, float baseline, float size, SKPaint paint) =>
        Draw(canvas, text, right - Measure(text, size), baseline, size, paint);

    public void Dispose()
    {
        _mongolianShaper.Dispose();
        _cjkMeasure.Dispose();
        foreach (var font in _cjkFonts.Values.Concat(_mongolianFonts.Values))
        {
            font.Dispose();
        }
    }

    private void WrapParagraph(string paragraph, float size, float maxWidth, List<string> lines)
    {
        var line = new StringBuilder();
        var lineWidth = 0f;
        foreach (var unit in Units(paragraph))
        {
            var isSpace = unit.Length > 0 && unit.All(c => c == ' ');
            if (isSpace && line.Length == 0)
            {
                continue; // no leading spaces on a wrapped line
            }

            var width = Measure(unit, size);
            if (lineWidth + width <= maxWidth)
            {
                line.Append(unit);
                lineWidth += width;
                continue;
            }

            if (isSpace)
            {
                Flush();
                continue;
            }

            if (line.Length > 0)
            {
                Flush();
            }

            if (width <= maxWidth)
            {
                line.Append(unit);
                lineWidth = width;
                continue;
            }

            // A unit wider than the whole line (a long code or word) is broken between characters.
            foreach (var piece in TextElements(unit))
            {
                var pieceWidth = Measure(piece, size);
                if (line.Length > 0 && lineWidth + pieceWidth > maxWidth)
                {
                    Flush();
                }

                line.Append(piece);
                lineWidth += pieceWidth;
            }
        }

        if (line.Length > 0 || lines.Count == 0 || paragraph.Length == 0)
        {
            Flush();
        }

        void Flush()
        {
            lines.Add(line.ToString().TrimEnd(' '));
            line.Clear();
            lineWidth = 0;
        }
    }

    /// <summary>The unbreakable pieces of a paragraph, in order; concatenated they give the paragraph back.</summary>
    private static List<string> Units(string text)
    {
        var units = new List<string>();
        var current = new StringBuilder();
        var currentKind = UnitKind.None;
        var attachNext = false;
        foreach (var element in TextElements(text))
        {
            var rune = Rune.GetRuneAt(element, 0);
            var kind = KindOf(rune);
            if (kind == UnitKind.Closing)
            {
                current.Append(element); // never starts a line: stays with what precedes it
                continue;
            }

            var startNew = current.Length > 0 && !attachNext && (kind != currentKind || kind is UnitKind.Cjk or UnitKind.Opening || EndsWithBreak(current));
            if (startNew)
            {
                units.Add(current.ToString());
                current.Clear();
            }

            current.Append(element);
            currentKind = kind == UnitKind.Opening ? UnitKind.Cjk : kind;
            attachNext = kind == UnitKind.Opening; // never ends a line: stays with what follows it
        }

        if (current.Length > 0)
        {
            units.Add(current.ToString());
        }

        return units;
    }

    private static bool EndsWithBreak(StringBuilder sb) => sb[^1] is '-' or '/';

    private static UnitKind KindOf(Rune rune)
    {
        var c = rune.Value;
        if (c == ' ')
        {
            return UnitKind.Space;
        }

        if (PdfFonts.IsMongolian(c) || c is 0x202F or 0x200C or 0x200D)
        {
            return UnitKind.Mongolian;
        }

        if ("，。、；：？！）》」』〕】〉”’…·%,.;:?!)]}".Contains(rune.ToString(), StringComparison.Ordinal))
        {
            return UnitKind.Closing;
        }

        if ("（《「『〔【〈“‘([{".Contains(rune.ToString(), StringComparison.Ordinal))
        {
            return UnitKind.Opening;
        }

        return IsWide(c) ? UnitKind.Cjk : UnitKind.Word;
    }

    private static bool IsWide(int c) =>
        c is >= 0x2E80 and <= 0x9FFF or >= 0xAC00 and <= 0xD7AF or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFFEF or >= 0x20000 and <= 0x3FFFF;

    private static IEnumerable<string> TextElements(string text)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            yield return (string)e.Current;
        }
    }

    /// <summary>Splits text into runs of one font. Spaces and joiners belong to the run they sit in.</summary>
    private List<Run> Runs(string text)
    {
        var runs = new List<Run>();
        var start = 0;
        bool? current = null;
        for (var i = 0; i < text.Length;)
        {
            var rune = Rune.GetRuneAt(text, i);
            bool? mongolian = rune.Value is ' ' or 0x202F or 0x200C or 0x200D ? null : NeedsMongolianFont(rune.Value);
            if (mongolian is { } m && current is { } c && m != c)
            {
                runs.Add(new Run(start, i - start, c));
                start = i;
            }

            current = mongolian ?? current;
            i += rune.Utf16SequenceLength;
        }

        if (text.Length > start)
        {
            runs.Add(new Run(start, text.Length - start, current ?? false));
        }

        return runs;
    }

    private bool NeedsMongolianFont(int codePoint)
    {
        if (PdfFonts.IsMongolian(codePoint))
        {
            return true;
        }

        if (!_cjkHas.TryGetValue(codePoint, out var has))
        {
            has = _cjk.ContainsGlyph(codePoint) || !_mongolian.ContainsGlyph(codePoint);
            _cjkHas[codePoint] = has;
        }

        return !has;
    }

    private float MeasureRun(string text, bool mongolian, float size)
    {
        if (mongolian)
        {
            if (!_mongolianWidths.TryGetValue(text, out var w))
            {
                w = Shape(text, MongolianFont(MeasureSize)).Width;
                if (_mongolianWidths.Count >= MaxShapeCacheEntries)
                {
                    _mongolianWidths.Clear();
                }

                _mongolianWidths[text] = w;
            }

            return w * size / MeasureSize;
        }

        // Linear metrics without hinting: a run's advance is the sum of its glyphs' advances, scaled by size.
        var width = 0f;
        for (var i = 0; i < text.Length;)
        {
            var rune = Rune.GetRuneAt(text, i);
            if (!_cjkAdvances.TryGetValue(rune.Value, out var advance))
            {
                advance = _cjkMeasure.MeasureText(rune.ToString());
                _cjkAdvances[rune.Value] = advance;
            }

            width += advance;
            i += rune.Utf16SequenceLength;
        }

        return width * size / MeasureSize;
    }

    private float DrawCjk(SKCanvas canvas, string text, float x, float baseline, float size, SKPaint paint)
    {
        var font = CjkFont(size);
        UsedCjkGlyphs.UnionWith(font.GetGlyphs(text));
        canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
        return MeasureRun(text, mongolian: false, size);
    }

    private float DrawMongolian(SKCanvas canvas, string text, float x, float baseline, float size, SKPaint paint)
    {
        var font = MongolianFont(size);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var shaped = Shape(utf8, font);
        if (shaped.Codepoints.Length == 0)
        {
            return 0;
        }

        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, shaped.Codepoints.Length, utf8.Length, null);
        var glyphs = run.Glyphs;
        for (var i = 0; i < glyphs.Length; i++)
        {
            glyphs[i] = (ushort)shaped.Codepoints[i];
        }

        run.SetPositions(shaped.Points);
        run.SetText(utf8);
        run.SetClusters(shaped.Clusters); // UTF-8 byte offsets, as HarfBuzz was fed UTF-8
        using var blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, x, baseline, paint);
        }

        return shaped.Width;
    }

    private SKShaper.Result Shape(string text, SKFont font) => Shape(Encoding.UTF8.GetBytes(text), font);

    private SKShaper.Result Shape(byte[] utf8, SKFont font)
    {
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf8(utf8);
        buffer.Direction = Direction.LeftToRight;
        buffer.Script = Script.Mongolian;
        buffer.GuessSegmentProperties();
        return _mongolianShaper.Shape(buffer, 0, 0, font);
    }

    private SKFont CjkFont(float size) => Cached(_cjkFonts, _cjk, size);

    private SKFont MongolianFont(float size) => Cached(_mongolianFonts, _mongolian, size);

    private static SKFont Cached(Dictionary<float, SKFont> cache, SKTypeface typeface, float size)
    {
        if (!cache.TryGetValue(size, out var font))
        {
            font = NewFont(typeface, size);
            cache[size] = font;
        }

        return font;
    }

    private static SKFont NewFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        Hinting = SKFontHinting.None,
        LinearMetrics = true,
        Subpixel = true,
        Edging = SKFontEdging.Antialias,
    };

    private readonly record struct Run(int Start, int Length, bool Mongolian);

    private enum UnitKind
    {
        None,
        Space,
        Word,
        Cjk,
        Mongolian,
        Opening,
        Closing,
    }
}
