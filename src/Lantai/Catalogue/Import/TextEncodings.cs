using System.Text;
using System.Text.Unicode;

namespace Lantai.Catalogue.Import;

/// <summary>
/// Finds how a CSV file is written, as Chinese spreadsheet programs save it: a BOM says UTF-8 (Excel "CSV UTF-8") or
/// UTF-16 (Excel "Unicode text", tab-separated); without one the bytes are validated strictly as UTF-8 and, at the
/// first sequence that is not, read as GB18030 (Excel "CSV" on Chinese Windows writes GBK, which GB18030 contains).
/// </summary>
internal static class TextEncodings
{
    private const int BufferSize = 1 << 16;

    private static readonly Lazy<Encoding> Gb18030Lazy = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    });

    public static Encoding Gb18030 => Gb18030Lazy.Value;

    /// <summary>UTF-8 that throws on invalid bytes, so a damaged file fails loudly instead of storing U+FFFD.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the stream (to its end when it has no BOM and is valid UTF-8 so far) and says how to decode it.</summary>
    public static CsvLayout Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[BufferSize];
        var chars = new char[BufferSize];
        var filled = 0;
        while (filled < BufferSize && stream.Read(buffer, filled, BufferSize - filled) is var read and > 0)
        {
            filled += read;
        }

        var head = buffer.AsSpan(0, filled);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new CsvLayout(Encoding.Unicode, 2, '\t');
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new CsvLayout(Encoding.BigEndianUnicode, 2, '\t');
        }

        var separator = Separator(head);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new CsvLayout(StrictUtf8, 3, separator);
        }

        // Validate the whole stream: a file whose first Chinese character comes late must not be half decoded.
        var carried = filled;
        var final = filled < BufferSize;
        while (true)
        {
            var status = Utf8.ToUtf16(buffer.AsSpan(0, carried), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return new CsvLayout(Gb18030, 0, separator);
            }

            if (final)
            {
                return new CsvLayout(StrictUtf8, 0, separator);
            }

            // Keep an incomplete sequence at the end for the next round.
            carried -= consumed;
            buffer.AsSpan(consumed, carried).CopyTo(buffer);
            var read = stream.Read(buffer, carried, BufferSize - carried);
            final = read == 0;
            carried += read;
        }
    }

    public static string Name(Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return encoding.CodePage switch
        {
            65001 => "UTF-8",
            54936 => "GB18030",
            1200 => "UTF-16LE",
            1201 => "UTF-16BE",
            _ => encoding.WebName,
        };
    }

    /// <summary>Tab when the first line has more tabs than commas (Excel's tab-separated text), else comma.</summary>
    private static char Separator(ReadOnlySpan<byte> head)
    {
        var end = head.IndexOf((byte)'\n');
        var line = end < 0 ? head : head[..end];
        return line.Count((byte)'\t') > line.Count((byte)',') ? '\t' : ',';
    }
}
