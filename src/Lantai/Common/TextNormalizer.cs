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

        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }
}
