using System.Text;

namespace Lantai.Transfer.Packages;

/// <summary>
/// Decodes zip entry names. UTF-8 when the entry says so (general-purpose bit 11, or a valid Info-ZIP Unicode Path
/// extra field 0x7075); otherwise the bytes are GB18030, which is what Windows' built-in zip writes on a Chinese system
/// (code page 936, of which GB18030 is a superset) — such names carry no flag at all. One exception, decided for the
/// whole archive: when every unflagged non-ASCII name is valid UTF-8 and at least one of them clearly is UTF-8 (a
/// character from U+0800 up, which is every CJK character, or a combining accent as macOS's NFD names have), they are
/// UTF-8: macOS Finder writes UTF-8 without the flag. GBK text is rarely valid UTF-8 (第 is B5 DA, and B5 cannot start
/// a sequence), but short names can be — 目录 in GBK is C4 BF C2 BC, which is valid UTF-8 for "Ŀ¼" — hence the second
/// condition: such accidents decode below U+0800. Pure ASCII decodes the same either way.
/// </summary>
internal static class ZipEntryNames
{
    private const ushort UnicodePathExtraId = 0x7075;

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    });

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static Encoding LegacyEncoding => Gb18030.Value;

    /// <summary>
    /// The entry's name when the entry itself settles it (UTF-8 flag, 0x7075 field, pure ASCII); null when it depends on
    /// the archive (<see cref="DecodeUnflagged"/>).
    /// </summary>
    public static string? DecodeFlagged(ReadOnlySpan<byte> rawName, ushort flags, ReadOnlySpan<byte> extra)
    {
        if ((flags & 0x0800) != 0)
        {
            return Utf8.GetString(rawName);
        }

        if (UnicodePath(rawName, extra) is { } unicode)
        {
            return unicode;
        }

        return System.Text.Ascii.IsValid(rawName) ? Encoding.ASCII.GetString(rawName) : null;
    }

    /// <summary>An unflagged non-ASCII name: UTF-8 when the whole archive's such names are valid UTF-8, else GB18030.</summary>
    public static string DecodeUnflagged(ReadOnlySpan<byte> rawName, bool archiveIsUtf8) =>
        archiveIsUtf8 ? Utf8.GetString(rawName) : Gb18030.Value.GetString(rawName);

    /// <summary>(valid UTF-8, and clearly UTF-8: a character from U+0800 up or a combining accent U+0300–U+036F).</summary>
    public static (bool Valid, bool Clear) Utf8Evidence(ReadOnlySpan<byte> rawName)
    {
        if (!System.Text.Unicode.Utf8.IsValid(rawName))
        {
            return (false, false);
        }

        foreach (var c in Utf8.GetString(rawName))
        {
            if (c >= '\u0800' || c is >= '\u0300' and <= '\u036F')
            {
                return (true, true);
            }
        }

        return (true, false);
    }

    /// <summary>The Info-ZIP Unicode Path field's name, when present and made for these very header bytes (its CRC matches).</summary>
    private static string? UnicodePath(ReadOnlySpan<byte> rawName, ReadOnlySpan<byte> extra)
    {
        while (extra.Length >= 4)
        {
            var id = (ushort)(extra[0] | (extra[1] << 8));
            var size = extra[2] | (extra[3] << 8);
            if (size > extra.Length - 4)
            {
                return null;
            }

            var data = extra.Slice(4, size);
            if (id == UnicodePathExtraId && data.Length >= 5 && data[0] == 1)
            {
                var crc = (uint)(data[1] | (data[2] << 8) | (data[3] << 16) | (data[4] << 24));
                return crc == Crc32.Compute(rawName) ? Utf8.GetString(data[5..]) : null;
            }

            extra = extra[(4 + size)..];
        }

        return null;
    }
}
