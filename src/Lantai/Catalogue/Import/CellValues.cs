using System.Globalization;

namespace Lantai.Catalogue.Import;

/// <summary>
/// Reads cell values back from what spreadsheet programs make of them: numbers arrive as double (426 for 0426, 1 for
/// 0001, 20160312 for a date), dates as DateTime or as text in the forms archivists type. Never prints "426.0".
/// </summary>
internal static class CellValues
{
    /// <summary>The cell as text: numbers without a spurious ".0", dates as yyyy-MM-dd; null when empty.</summary>
    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        double d => FormatNumber(d),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    public static bool IsEmpty(object? cell) => cell switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        _ => false,
    };

    internal static string FormatNumber(double d) =>
        double.IsInteger(d) && Math.Abs(d) < 1e15
            ? ((long)d).ToString(CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer cell: "39", "0039", "39.0", 39.0, full-width digits. False for anything else.</summary>
    public static bool TryInt(object? cell, out int value)
    {
        value = 0;
        switch (cell)
        {
            case double d:
                if (double.IsInteger(d) && d is >= int.MinValue and <= int.MaxValue)
                {
                    value = (int)d;
                    return true;
                }

                return false;
            case string s:
                return TryIntText(s, out value);
            default:
                return false;
        }
    }

    private static bool TryIntText(string text, out int value)
    {
        var s = FoldDigits(text.AsSpan().Trim());
        if (int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // "39.0" or "39.00": a number that went through a spreadsheet and back to text.
        var dot = s.IndexOf('.');
        if (dot > 0 && s[(dot + 1)..].TrimEnd('0').Length == 0)
        {
            return int.TryParse(s[..dot], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        return false;
    }

    /// <summary>Full-width digits, minus and full stop (０-９, －, ．) as ASCII, as typed with a Chinese input method.</summary>
    private static ReadOnlySpan<char> FoldDigits(ReadOnlySpan<char> s)
    {
        if (!s.ContainsAnyInRange('\uFF0D', '\uFF19'))
        {
            return s;
        }

        var chars = s.ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\uFF0D' and <= '\uFF19')
            {
                chars[i] = (char)(chars[i] - 0xFEE0);
            }
        }

        return chars;
    }

    /// <summary>
    /// A date cell. Accepted: a date cell (DateTime), an Excel serial number, 20160312 (number or text), 2016-03-12,
    /// 2016/3/12, 2016.3.12, 2016年3月12日 (a time after the date is ignored). The message says why otherwise.
    /// </summary>
    public static bool TryDate(object? cell, out DateOnly date, out string? problem)
    {
        date = default;
        problem = null;
        switch (cell)
        {
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case double d when double.IsInteger(d):
                return TryDateNumber((long)d, FormatNumber(d), out date, out problem);
            case double d:
                problem = $"日期“{FormatNumber(d)}”无法识别";
                return false;
            case string s:
                return TryDateText(s, out date, out problem);
            default:
                problem = $"日期“{Text(cell)}”无法识别";
                return false;
        }
    }

    private static bool TryDateNumber(long n, string shown, out DateOnly date, out string? problem)
    {
        date = default;
        problem = null;
        if (n is >= 10_000_000 and <= 99_999_999)
        {
            return TryYmd((int)(n / 10000), (int)(n / 100 % 100), (int)(n % 100), shown, out date, out problem);
        }

        if (n is >= 1000 and <= 9999 || n is >= 100_000 and <= 999_999)
        {
            problem = $"日期“{shown}”不完整（应写到日，如 20160312）";
            return false;
        }

        // A serial number whose date format got lost: Excel counts days from 1899-12-30.
        if (n is >= 1 and <= 99_999)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(n));
            return true;
        }

        problem = $"日期“{shown}”无法识别";
        return false;
    }

    private static bool TryDateText(string text, out DateOnly date, out string? problem)
    {
        date = default;
        problem = null;
        var s = FoldDigits(text.AsSpan().Trim());
        var shown = text.Trim();
        if (s.Length == 8 && !s.ContainsAnyExceptInRange('0', '9'))
        {
            return TryDateNumber(long.Parse(s, CultureInfo.InvariantCulture), shown, out date, out problem);
        }

        if (s.Length is 4 or 6 && !s.ContainsAnyExceptInRange('0', '9'))
        {
            problem = $"日期“{shown}”不完整（应写到日，如 20160312）";
            return false;
        }

        // yyyy-M-d, yyyy/M/d, yyyy.M.d, yyyy年M月d日, optionally followed by a time.
        Span<int> parts = stackalloc int[3];
        var count = 0;
        var i = 0;
        var first = '\0';
        while (i < s.Length && count < 3)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || (count == 0 ? i - start != 4 : i - start > 2))
            {
                break;
            }

            parts[count++] = int.Parse(s[start..i], CultureInfo.InvariantCulture);
            if (count == 3)
            {
                if (first == '年' && i < s.Length && s[i] == '日')
                {
                    i++;
                }

                break;
            }

            if (i >= s.Length)
            {
                break;
            }

            var sep = s[i];
            if (count == 1)
            {
                if (sep is not ('-' or '/' or '.' or '年'))
                {
                    break;
                }

                first = sep;
            }
            else if (sep != (first == '年' ? '月' : first))
            {
                break;
            }

            i++;
        }

        var rest = s[i..];
        if (count == 3 && (rest.IsEmpty || rest[0] is ' ' or 'T'))
        {
            return TryYmd(parts[0], parts[1], parts[2], shown, out date, out problem);
        }

        problem = $"日期“{shown}”无法识别（可写作 20160312、2016-03-12、2016/3/12、2016.3.12 或 2016年3月12日）";
        return false;
    }

    private static bool TryYmd(int year, int month, int day, string shown, out DateOnly date, out string? problem)
    {
        date = default;
        problem = null;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            problem = $"日期“{shown}”不存在";
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
