using System.Globalization;
using System.Text;

namespace Lantai.Search.Analysis;

/// <summary>
/// The folding of search keys (never of stored text, DESIGN.md §5): compatibility forms to their plain form (NFKC of
/// one character: full-width ＡＢＣ１２ → ABC12, U+3000 and U+202F → space, compatibility ideographs and Kangxi radicals
/// → unified ideographs), lower case, traditional → simplified Chinese (table generated from ICU, see
/// Assets/Search/README.md), every decimal digit (Mongolian ᠑᠒, full-width, Arabic-Indic) → 0–9, Mongolian ᠣ/ᠤ and
/// ᠥ/ᠦ (drawn alike in every position) → ᠤ and ᠦ, and the removal of invisible characters (Mongolian free variation
/// selectors U+180B–U+180D, U+180F and vowel separator U+180E, ZWJ/ZWNJ/ZWSP, soft hyphens, variation selectors).
/// Everything is one lookup in a 64 K table built once, so the tokenizer folds at the cost of an array read.
/// </summary>
public static class SearchKeyFolding
{
    internal const string TraditionalSimplifiedResource = "Lantai.Assets.Search.traditional-simplified.txt";

    /// <summary>The folded form of each BMP character (itself where nothing folds).</summary>
    internal static readonly char[] Folded;

    /// <summary>The <see cref="CharClass"/> of each BMP character, taken from its folded form.</summary>
    internal static readonly CharClass[] Classes;

    static SearchKeyFolding()
    {
        var traditionalSimplified = LoadTraditionalSimplified();
        Folded = new char[65536];
        Classes = new CharClass[65536];
        for (var i = 0; i < 65536; i++)
        {
            var c = (char)i;
            var folded = FoldOne(c, traditionalSimplified);
            Folded[i] = folded;
            Classes[i] = Classify(c, folded);
        }
    }

    /// <summary>The search key of <paramref name="text"/>: every character folded, invisible ones removed (for tests and sort keys).</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var cls = Classes[c];
            if (cls == CharClass.Ignorable)
            {
                continue;
            }
            if (cls == CharClass.HighSurrogate && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (ClassOf(char.ConvertToUtf32(c, text[i + 1])) != CharClass.Ignorable)
                {
                    builder.Append(c).Append(text[i + 1]);
                }
                i++;
                continue;
            }
            builder.Append(Folded[c]);
        }
        return builder.ToString();
    }

    /// <summary>The class of a supplementary code point (rare: CJK extensions, variation selectors, emoji, historic scripts).</summary>
    internal static CharClass ClassOf(int codePoint) => codePoint switch
    {
        >= 0x20000 and <= 0x3FFFF => CharClass.Cjk,
        >= 0xE0100 and <= 0xE01EF => CharClass.Ignorable, // ideographic variation selectors: 葛󠄀 is 葛
        >= 0xE0000 and <= 0xE007F => CharClass.Ignorable, // tags
        _ when Rune.IsLetter(new Rune(codePoint)) => CharClass.Word,
        _ when Rune.IsDigit(new Rune(codePoint)) => CharClass.Word, // supplementary digits stay as they are, kept together
        _ => CharClass.Separator,
    };

    private static char FoldOne(char c, Dictionary<char, char> traditionalSimplified)
    {
        if (char.IsSurrogate(c))
        {
            return c;
        }
        var folded = c;
        // NFKC of a single character, where it stays a single character: full-width and half-width forms, compatibility
        // ideographs, Kangxi radicals, circled and superscript digits, U+3000 and U+202F. The large blocks that never
        // change under NFKC are skipped to keep start-up short.
        if (!IsNfkcStableBlock(c))
        {
            var normalized = c.ToString().Normalize(NormalizationForm.FormKC);
            if (normalized.Length == 1)
            {
                folded = normalized[0];
            }
        }
        folded = char.ToLowerInvariant(folded);
        if (traditionalSimplified.TryGetValue(folded, out var simplified))
        {
            folded = simplified;
        }
        folded = folded switch
        {
            '\u1823' => '\u1824', // Mongolian O and U, Ö and Ü share their shapes in every position: a word typed
            '\u1825' => '\u1826', // either way looks the same, so it must match the same way.
            _ => folded,
        };
        if (char.GetUnicodeCategory(folded) == UnicodeCategory.DecimalDigitNumber)
        {
            folded = (char)('0' + (int)char.GetNumericValue(folded));
        }
        return folded;
    }

    private static bool IsNfkcStableBlock(char c) =>
        c < 0x00A0 || c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7A3' or >= '\uE000' and <= '\uF8FF'
            or >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF'; // noncharacters, which Normalize refuses

    private static CharClass Classify(char original, char folded)
    {
        if (char.IsHighSurrogate(original))
        {
            return CharClass.HighSurrogate;
        }
        if (char.IsLowSurrogate(original))
        {
            return CharClass.Separator; // a lone low surrogate: malformed text, never part of a token
        }
        if (IsIgnorable(original) || IsIgnorable(folded))
        {
            return CharClass.Ignorable;
        }
        if (folded is >= '0' and <= '9')
        {
            return CharClass.Digit;
        }
        if (char.IsWhiteSpace(folded))
        {
            return CharClass.Space;
        }
        var category = char.GetUnicodeCategory(folded);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return CharClass.Mark;
        }
        if (IsCjk(folded))
        {
            return CharClass.Cjk;
        }
        if (!char.IsLetter(folded))
        {
            return CharClass.Separator;
        }
        return folded is >= '\u1800' and <= '\u18AF' ? CharClass.Mongolian : CharClass.Word;
    }

    private static bool IsIgnorable(char c) =>
        c is >= '\u180B' and <= '\u180F' // Mongolian FVS1–3, MVS, FVS4
        or '\u1806' // Mongolian todo soft hyphen
        or '\u00AD' or '\u034F' // soft hyphen, combining grapheme joiner
        or >= '\u200B' and <= '\u200F' // ZWSP, ZWNJ, ZWJ, LRM, RLM
        or >= '\uFE00' and <= '\uFE0F' // variation selectors
        || char.GetUnicodeCategory(c) == UnicodeCategory.Format; // U+2060 word joiner, U+FEFF, bidi controls

    private static bool IsCjk(char c) =>
        c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' // Han
        or '\u3005' or '\u3006' or '\u3007' or >= '\u3021' and <= '\u3029' // 々 〆 〇, Hangzhou numerals
        or >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' // kana
        or >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' // Hangul
        && (char.IsLetter(c) || char.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber); // 〇 is a number letter

    private static Dictionary<char, char> LoadTraditionalSimplified()
    {
        using var stream = typeof(SearchKeyFolding).Assembly.GetManifestResourceStream(TraditionalSimplifiedResource)
            ?? throw new InvalidOperationException($"Embedded resource {TraditionalSimplifiedResource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<char, char>(4096);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            // Every mapping of the generated table is BMP to BMP (the generator reports otherwise); a regenerated
            // table with supplementary characters must fail loudly here rather than fold half a surrogate pair.
            if (line.Length != 3 || line[1] != '\t')
            {
                throw new InvalidDataException($"{TraditionalSimplifiedResource}: unexpected line \"{line}\".");
            }
            map[line[0]] = line[2];
        }
        return map;
    }
}
