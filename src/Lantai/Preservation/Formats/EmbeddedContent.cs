using System.IO.Compression;
using SkiaSharp;

namespace Lantai.Preservation.Formats;

/// <summary>
/// Judges a file embedded in an OFD package by its content: JPEG, PNG, GIF and BMP images must decode, TrueType and
/// OpenType fonts must load. Other content (JBIG2 images, Type 1 fonts, attachments) is only required to be present.
/// </summary>
internal static class EmbeddedContent
{
    /// <summary>Larger parts are not decoded here (the package is still checked for their presence).</summary>
    private const long Limit = 64L * 1024 * 1024;

    /// <summary>Null when the part is fine (or not judged), else the problem (Chinese).</summary>
    public static string? Judge(ZipArchiveEntry entry)
    {
        if (entry.Length is 0)
        {
            return "为空文件";
        }

        if (entry.Length > Limit)
        {
            return null;
        }

        byte[] bytes;
        using (var s = entry.Open())
        using (var memory = new MemoryStream((int)entry.Length))
        {
            s.CopyTo(memory);
            bytes = memory.ToArray();
        }

        ReadOnlySpan<byte> h = bytes;
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ||
            h.StartsWith("GIF8"u8) || h.StartsWith("BM"u8))
        {
            using var data = SKData.CreateCopy(bytes);
            using var codec = SKCodec.Create(data);
            if (codec is null)
            {
                return "无法解码（图像文件头无效）";
            }

            // Row by row, as a scan file: a small image part may declare a huge size, and a whole bitmap of it would be
            // allocated at once.
            var image = ImageInspector.Decode(codec, CancellationToken.None);
            return image.Problem is null ? null : $"无法完整解码（{image.Problem}）";
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0x00, 0x01, 0x00, 0x00]) || h.StartsWith("OTTO"u8) || h.StartsWith("true"u8) || h.StartsWith("ttcf"u8))
        {
            using var data = SKData.CreateCopy(bytes);
            using var typeface = SKTypeface.FromData(data);
            return typeface is null ? "无法作为字体加载" : null;
        }

        return null;
    }
}
