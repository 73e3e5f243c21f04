using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Lantai.Catalogue.Import;

namespace Lantai.Search.Content;

/// <summary>
/// How a plain-text file is written: a BOM says UTF-8 or UTF-16; without one the first 1 MB is validated as UTF-8 and,
/// at the first sequence that is not, the file is read as GB18030 (which contains GBK and GB2312, the encodings of
/// text saved by Chinese Windows programs).
/// </summary>
internal static class TextEncodingDetector
{
    private const int Probe = 1 << 20;

    public static Encoding Detect(Stream stream, out int preamble)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Probe);
        try
        {
            var filled = 0;
            while (filled < Probe && stream.Read(buffer, filled, Probe - filled) is var read and > 0)
            {
                filled += read;
            }

            var head = buffer.AsSpan(0, filled);
            preamble = 0;
            if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                preamble = 3;
                return Encoding.UTF8;
            }

            if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            {
                preamble = 2;
                return Encoding.Unicode;
            }

            if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                preamble = 2;
                return Encoding.BigEndianUnicode;
            }

            // A probe cut in the middle of a character is not invalid: only InvalidData counts.
            var chars = ArrayPool<char>.Shared.Rent(filled + 1);
            try
            {
                var status = Utf8.ToUtf16(head, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: filled < Probe);
                return status == OperationStatus.InvalidData ? TextEncodings.Gb18030 : Encoding.UTF8;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
