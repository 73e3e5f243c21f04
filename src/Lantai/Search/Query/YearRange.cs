using System.Globalization;

namespace Lantai.Search.Query;

/// <summary>Reads 年度 values: 2016, 2001-2010, 2001..2010, 2001~2010, 2001至2010, and open ends (2001-, ..2010).</summary>
internal static class YearRange
{
    private static readonly string[] Separators = ["..", "-", "–", "—", "~", "～", "至", "到"];

    public static bool TryParse(string text, out int? from, out int? to)
    {
        from = to = null;
        var value = text.Trim().Replace("年", "", StringComparison.Ordinal);
        foreach (var separator in Separators)
        {
            var at = value.IndexOf(separator, StringComparison.Ordinal);
            if (at >= 0)
            {
                var left = value[..at].Trim();
                var right = value[(at + separator.Length)..].Trim();
                if (left.Length == 0 && right.Length == 0)
                {
                    return false;
                }

                if ((left.Length > 0 && !TryYear(left, out from)) || (right.Length > 0 && !TryYear(right, out to)))
                {
                    return false;
                }

                if (from > to)
                {
                    (from, to) = (to, from);
                }

                return true;
            }
        }

        if (TryYear(value, out from))
        {
            to = from;
            return true;
        }

        return false;
    }

    private static bool TryYear(string text, out int? year)
    {
        // Full-width digits (２０１６) count as digits too.
        var digits = string.Concat(text.Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c));
        year = null;
        if (digits.Length == 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            year = y;
            return true;
        }

        return false;
    }
}
