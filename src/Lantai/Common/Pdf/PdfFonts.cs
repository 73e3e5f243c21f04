using SkiaSharp;

namespace Lantai.Common.Pdf;

/// <summary>
/// The two TrueType fonts of generated PDFs (DESIGN.md §6): WenQuanYi Zen Hei for Chinese and Latin, Noto Sans
/// Mongolian for traditional Mongolian. Both travel with Lantai in Assets/Fonts beside the binaries; the Debian
/// system paths are a fallback for a development tree whose output lacks them. CFF fonts (Noto Sans CJK) are never
/// used: Skia embeds them as Type 3 glyphs whose text does not extract (文 → ⽂).
/// </summary>
public static class PdfFonts
{
    public const string CjkFileName = "wqy-zenhei.ttc";
    public const string MongolianFileName = "NotoSansMongolian-Regular.ttf";

    private const string CjkSystemPath = "/usr/share/fonts/truetype/wqy/" + CjkFileName;
    private const string MongolianSystemPath = "/usr/share/fonts/truetype/noto/" + MongolianFileName;

    private static readonly Lazy<SKTypeface> LazyCjk = new(() => Load(CjkFileName, CjkSystemPath));
    private static readonly Lazy<SKTypeface> LazyMongolian = new(() => Load(MongolianFileName, MongolianSystemPath));
    private static readonly Lazy<TrueTypeSubsetter> LazyCjkSubsetter = new(() => TrueTypeSubsetter.Load(File.ReadAllBytes(Require(CjkFileName, CjkSystemPath)), 0));

    /// <summary>The folder Lantai ships its fonts in: Assets/Fonts under the application's base directory.</summary>
    public static string AssetsDirectory => Path.Combine(AppContext.BaseDirectory, "Assets", "Fonts");

    /// <summary>WenQuanYi Zen Hei (face 0 of the collection: the proportional Zen Hei, not Zen Hei Mono).</summary>
    public static SKTypeface Cjk => LazyCjk.Value;

    public static SKTypeface Mongolian => LazyMongolian.Value;

    /// <summary>
    /// Zen Hei reduced to the given glyphs (ids of <see cref="Cjk"/>, kept as they are) and always the printable ASCII
    /// range, as a standalone TrueType font: what a PDF embeds instead of the 16.8 MB collection. The caller disposes it.
    /// </summary>
    public static SKTypeface CreateCjkSubset(IEnumerable<ushort> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var ascii = Cjk.GetGlyphs(Enumerable.Range(0x20, 0x7F - 0x20).ToArray());
        var font = LazyCjkSubsetter.Value.Subset(glyphs.Concat(ascii));
        using var data = SKData.CreateCopy(font);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia could not read the subset of " + CjkFileName + ".");
    }

    /// <summary>Where a font file is read from: the shipped copy first, then the system's.</summary>
    public static string? Locate(string fileName, string systemPath)
    {
        var shipped = Path.Combine(AssetsDirectory, fileName);
        if (File.Exists(shipped))
        {
            return shipped;
        }

        return File.Exists(systemPath) ? systemPath : null;
    }

    /// <summary>True for code points of the Mongolian block (U+1800–U+18AF), which need the Mongolian font and shaping.</summary>
    public static bool IsMongolian(int codePoint) => codePoint is >= 0x1800 and <= 0x18AF;

    private static string Require(string fileName, string systemPath) =>
        Locate(fileName, systemPath)
            ?? throw new InvalidOperationException($"PDF font {fileName} is missing: expected it in {AssetsDirectory} (it is shipped with Lantai) or at {systemPath}.");

    private static SKTypeface Load(string fileName, string systemPath)
    {
        var path = Require(fileName, systemPath);
        return SKTypeface.FromFile(path, 0)
            ?? throw new InvalidOperationException($"PDF font {path} could not be read.");
    }
}
