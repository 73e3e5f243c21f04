using System.Text;

namespace Lantai.Transfer.Packages;

/// <summary>
/// Decodes zip entry names. UTF-8 when the entry says so (general-purpose bit 11, or a valid Info-ZIP Unicode Path
/// extra field 0x7075); otherwise the bytes are GB18030, which is what Windows' built-in zip writes on a Chinese system
/// (code page 936, of which GB18030 is a superset) — such names carry no flag at all. Pure ASCII decodes the same either way.
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

    /// <summary>The entry's name, and how it was decoded ("UTF-8", "UTF-8 (0x7075)", "GB18030").</summary>
    public static (string Name, string Encoding) Decode(ReadOnlySpan<byte> rawName, ushort flags, ReadOnlySpan<byte> extra)
    {
        if ((flags & 0x0800) != 0)
        {
            return (Utf8.GetString(rawName), "UTF-8");
        }

        if (UnicodePath(rawName, extra) is { } unicode)
        {
            return (unicode, "UTF-8 (0x7075)");
        }

        return (Gb18030.Value.GetString(rawName), "GB18030");
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
