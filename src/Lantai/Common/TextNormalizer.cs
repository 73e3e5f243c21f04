using System.Text;

namespace Lantai.Common;

/// <summary>Stored text is kept as received, only NFC-normalised and trimmed (DESIGN.md §5, Text); search keys are derived elsewhere.</summary>
public static class TextNormalizer
{
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        return IsSurelyNfc(trimmed) || trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// True when every character is one NFC leaves alone whatever surrounds it (no canonical decomposition, never
    /// combines): Latin-1 and below, CJK ideographs, CJK and general punctuation, kana without the combining sound
    /// marks, full-width forms, Mongolian. Catalogue text is almost all of these, and asking ICU costs a call per
    /// field (a catalogue import cleans ten fields of a million rows); anything else still goes to ICU.
    /// </summary>
    internal static bool IsSurelyNfc(string text)
    {
        foreach (var c in text)
        {
            // Starters only: the ideographic tone marks (U+302A–302F), the kana sound marks (U+3099–309A) and the
            // Mongolian combining letters (U+1885–1886, U+18A9) are reordered by NFC, so they are left to ICU.
            var stable = c < '\u0300'
                || c is >= '\u4E00' and <= '\u9FFF'
                || (c is >= '\u3000' and <= '\u30FF' and not (>= '\u302A' and <= '\u302F') and not '\u3099' and not '\u309A')
                || c is >= '\uFF00' and <= '\uFFEF'
                || (c is >= '\u1800' and <= '\u18AF' and not '\u1885' and not '\u1886' and not '\u18A9')
                || c is >= '\u2010' and <= '\u2027';
            if (!stable)
            {
                return false;
            }
        }

        return true;
    }
}
