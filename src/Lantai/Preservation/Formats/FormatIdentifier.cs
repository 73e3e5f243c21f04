using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Lantai.Transfer.Checks;
using UglyToad.PdfPig;

namespace Lantai.Preservation.Formats;

/// <summary>
/// Identifies a file's format from its content — magic bytes and structure, never the extension — so a PDF named
/// .jpg is a PDF and an executable named .pdf is refused. Reads the head of the file (64 KB); containers (ZIP: OFD,
/// OOXML) are told apart by their central directory, PDF/A by the XMP metadata PdfPig reads through the cross-reference
/// table. A 4 GB video costs one 64 KB read.
/// </summary>
public static class FormatIdentifier
{
    private const int HeadSize = 64 * 1024;

    private static readonly string[] ScriptExtensions = [".bat", ".cmd", ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".hta", ".sh", ".bash", ".py", ".pl", ".php", ".rb", ".lnk", ".scr"];

    public static async Task<IdentifiedFormat> IdentifyAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        var head = new byte[(int)Math.Min(HeadSize, stream.Length)];
        await stream.ReadExactlyAsync(head, cancellationToken);
        return Identify(head, stream, path);
    }

    private static IdentifiedFormat Identify(byte[] head, FileStream stream, string path)
    {
        ReadOnlySpan<byte> h = head;
        if (h.Length == 0)
        {
            return FileFormats.Empty;
        }

        if (IndexOf(h[..Math.Min(h.Length, 1024)], "%PDF-"u8) >= 0)
        {
            return IdentifyPdf(stream);
        }

        if (h.StartsWith("PK\u0003\u0004"u8) || h.StartsWith("PK\u0005\u0006"u8) || h.StartsWith("PK\u0007\u0008"u8))
        {
            return IdentifyZip(stream);
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return IdentifyOle(head, stream);
        }

        if (h.StartsWith("II*\0"u8) || h.StartsWith("MM\0*"u8) || h.StartsWith("II+\0"u8) || h.StartsWith("MM\0+"u8))
        {
            return FileFormats.Tiff;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return FileFormats.Jpeg;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return FileFormats.Png;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A]) || h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x4F, 0xFF, 0x51]))
        {
            return FileFormats.Jpeg2000;
        }

        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8))
        {
            return FileFormats.Gif;
        }

        if (h.Length >= 12 && h.StartsWith("RIFF"u8))
        {
            if (h[8..12].SequenceEqual("WAVE"u8))
            {
                return FileFormats.Wav;
            }

            if (h[8..12].SequenceEqual("AVI "u8))
            {
                return FileFormats.Avi;
            }
        }

        if (h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8))
        {
            return h[8..12].SequenceEqual("qt  "u8) ? FileFormats.QuickTime : FileFormats.Mp4;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0x06, 0x0E, 0x2B, 0x34]))
        {
            return FileFormats.Mxf;
        }

        if (h.StartsWith("ID3"u8) || (h.Length >= 4 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 && ((h[1] >> 1) & 0x03) == 0x01 && (h[2] & 0xF0) != 0xF0))
        {
            // ID3 tag, or an MPEG audio frame header of layer III with a valid bitrate index.
            return FileFormats.Mp3;
        }

        if (h.StartsWith("MZ"u8) && h.Length >= 64)
        {
            return FileFormats.WindowsExecutable;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']))
        {
            return FileFormats.Elf;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || h.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF]) || h.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) ||
            h.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || h.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]))
        {
            return FileFormats.MachO;
        }

        if (h.StartsWith("Rar!\u001A\u0007"u8))
        {
            return FileFormats.Rar;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C]))
        {
            return FileFormats.SevenZip;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return FileFormats.Gzip;
        }

        if (h.StartsWith("BM"u8) && h.Length >= 26 && BitConverter.ToUInt32(head, 2) == stream.Length)
        {
            return FileFormats.Bmp;
        }

        return IdentifyText(head, path);
    }

    private static IdentifiedFormat IdentifyPdf(FileStream stream)
    {
        try
        {
            stream.Position = 0;
            using var document = PdfDocument.Open(stream, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.TryGetXmpMetadata(out var xmp) && PdfAIdentification(xmp.GetXDocument()) is { } pdfa)
            {
                return pdfa;
            }
        }
#pragma warning disable CA1031 // A PDF PdfPig cannot open is still a PDF; whether it parses is the usability check's business.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return FileFormats.Pdf;
    }

    /// <summary>pdfaid:part and pdfaid:conformance, as attributes of rdf:Description or as elements (both are legal RDF/XML).</summary>
    internal static IdentifiedFormat? PdfAIdentification(XDocument xmp)
    {
        XNamespace ns = "http://www.aiim.org/pdfa/ns/id/";
        string? Value(string name) =>
            xmp.Descendants().Attributes(ns + name).FirstOrDefault()?.Value ?? xmp.Descendants(ns + name).FirstOrDefault()?.Value;
        var part = Value("part");
        if (part is null || !int.TryParse(part.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var p))
        {
            return null;
        }

        return FileFormats.PdfA(p, Value("conformance") ?? "");
    }

    private static IdentifiedFormat IdentifyZip(FileStream stream)
    {
        try
        {
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            ZipArchiveEntry? Find(string name) =>
                zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), name, StringComparison.OrdinalIgnoreCase));

            if (Find("OFD.xml") is { } ofd)
            {
                return IsOfdA(ofd) ? FileFormats.OfdA : FileFormats.Ofd;
            }

            if (Find("[Content_Types].xml") is not null)
            {
                if (Find("word/document.xml") is not null || zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal)))
                {
                    return FileFormats.Docx;
                }

                if (zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
                {
                    return FileFormats.Xlsx;
                }

                if (zip.Entries.Any(e => e.FullName.StartsWith("ppt/", StringComparison.Ordinal)))
                {
                    return FileFormats.Pptx;
                }
            }

            if (Find("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().StartsWith("application/vnd.oasis.opendocument", StringComparison.Ordinal))
                {
                    return FileFormats.OpenDocument;
                }
            }

            return FileFormats.Zip;
        }
        catch (InvalidDataException)
        {
            return FileFormats.Zip;
        }
    }

    private static bool IsOfdA(ZipArchiveEntry ofdXml)
    {
        try
        {
            using var s = ofdXml.Open();
            using var reader = XmlReader.Create(s, SafeXml.Settings);
            reader.MoveToContent();
            return string.Equals(reader.GetAttribute("DocType")?.Trim(), "OFD-A", StringComparison.OrdinalIgnoreCase);
        }
        catch (XmlException)
        {
            return false;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// Word, Excel and PowerPoint 97-2003 are OLE compound files told apart by their stream names ("WordDocument",
    /// "Workbook"/"Book", "PowerPoint Document"), looked for in the head and in the first directory sector.
    /// </summary>
    private static IdentifiedFormat IdentifyOle(byte[] head, FileStream stream)
    {
        var names = new StringBuilder(Encoding.Unicode.GetString(head));
        if (head.Length >= 512)
        {
            var sectorSize = 1 << BitConverter.ToUInt16(head, 0x1E);
            var firstDirectorySector = BitConverter.ToInt32(head, 0x30);
            var offset = (long)(firstDirectorySector + 1) * sectorSize;
            if (sectorSize is 512 or 4096 && firstDirectorySector >= 0 && offset + sectorSize <= stream.Length)
            {
                var sector = new byte[sectorSize];
                stream.Position = offset;
                stream.ReadExactly(sector);
                names.Append(Encoding.Unicode.GetString(sector));
            }
        }

        var text = names.ToString();
        if (text.Contains("WordDocument", StringComparison.Ordinal))
        {
            return FileFormats.Doc;
        }

        if (text.Contains("Workbook", StringComparison.Ordinal) || text.Contains("Book\0", StringComparison.Ordinal))
        {
            return FileFormats.Xls;
        }

        if (text.Contains("PowerPoint Document", StringComparison.Ordinal))
        {
            return FileFormats.Ppt;
        }

        return FileFormats.Ole;
    }

    private static IdentifiedFormat IdentifyText(byte[] head, string path)
    {
        if (Array.IndexOf(head, (byte)0) >= 0)
        {
            return FileFormats.Unknown;
        }

        var text = DecodeText(head);
        if (text is null)
        {
            return FileFormats.Unknown;
        }

        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith("#!", StringComparison.Ordinal))
        {
            return FileFormats.Script;
        }

        if (trimmed.StartsWith("{\\rtf", StringComparison.Ordinal))
        {
            return FileFormats.Rtf;
        }

        if (trimmed.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return FileFormats.Html;
        }

        if (trimmed.StartsWith("<?xml", StringComparison.Ordinal) || (trimmed.Length > 1 && trimmed[0] == '<' && char.IsLetter(trimmed[1])))
        {
            return FileFormats.Xml;
        }

        // Scripts without a #! line (batch files, PowerShell, VBScript) are text whose only mark is the name they are
        // meant to be run by; a text file carrying such a name is treated as a script, since that is how Windows runs it.
        var extension = Path.GetExtension(path);
        return ScriptExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? FileFormats.Script : FileFormats.Text;
    }

    /// <summary>Text when the head is valid UTF-8 or GB18030 with few control characters; null for binary data.</summary>
    private static string? DecodeText(byte[] head)
    {
        // The head may end inside a multi-byte character: drop up to three trailing bytes before deciding.
        for (var cut = 0; cut <= Math.Min(3, head.Length - 1); cut++)
        {
            try
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(head, 0, head.Length - cut);
                return MostlyPrintable(text) ? text : null;
            }
            catch (DecoderFallbackException)
            {
            }
        }

        try
        {
            _ = Catalogue.Import.TextEncodings.Gb18030; // registers the code-pages provider
            var gb = Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            var text = gb.GetString(head, 0, head.Length);
            return MostlyPrintable(text) ? text : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool MostlyPrintable(string text)
    {
        var control = text.Count(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t' or '\f'));
        return control * 100 <= text.Length;
    }

    private static int IndexOf(ReadOnlySpan<byte> data, ReadOnlySpan<byte> value) => data.IndexOf(value);
}
