using Lantai.Transfer.Checks;

namespace Lantai.Preservation.Formats;

/// <summary>
/// The formats Lantai tells apart, with stable ids stored in TransferFile.FormatId and RecordFile.FormatId and used in
/// the accepted-format list of a check rule. Long-term formats follow DESIGN.md §5 (GB/T 18894, GB/T 33190, PDF/A).
/// </summary>
public static class FileFormats
{
    public static readonly IdentifiedFormat Pdf = new("pdf", "application/pdf", "PDF");
    public static readonly IdentifiedFormat Ofd = new("ofd", "application/ofd", "OFD");
    public static readonly IdentifiedFormat OfdA = new("ofd-a", "application/ofd", "OFD-A");
    public static readonly IdentifiedFormat Tiff = new("tiff", "image/tiff", "TIFF");
    public static readonly IdentifiedFormat Jpeg = new("jpeg", "image/jpeg", "JPEG");
    public static readonly IdentifiedFormat Jpeg2000 = new("jp2", "image/jp2", "JPEG 2000");
    public static readonly IdentifiedFormat Png = new("png", "image/png", "PNG");
    public static readonly IdentifiedFormat Gif = new("gif", "image/gif", "GIF");
    public static readonly IdentifiedFormat Bmp = new("bmp", "image/bmp", "BMP");
    public static readonly IdentifiedFormat Wav = new("wav", "audio/wav", "WAV");
    public static readonly IdentifiedFormat Mp3 = new("mp3", "audio/mpeg", "MP3");
    public static readonly IdentifiedFormat Mp4 = new("mp4", "video/mp4", "MP4");
    public static readonly IdentifiedFormat QuickTime = new("mov", "video/quicktime", "QuickTime");
    public static readonly IdentifiedFormat Avi = new("avi", "video/x-msvideo", "AVI");
    public static readonly IdentifiedFormat Mxf = new("mxf", "application/mxf", "MXF");
    public static readonly IdentifiedFormat Xml = new("xml", "application/xml", "XML");
    public static readonly IdentifiedFormat Html = new("html", "text/html", "HTML");
    public static readonly IdentifiedFormat Text = new("txt", "text/plain", "纯文本");
    public static readonly IdentifiedFormat Rtf = new("rtf", "application/rtf", "RTF");
    public static readonly IdentifiedFormat Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档 (DOCX)");
    public static readonly IdentifiedFormat Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 工作簿 (XLSX)");
    public static readonly IdentifiedFormat Pptx = new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint 演示文稿 (PPTX)");
    public static readonly IdentifiedFormat OpenDocument = new("odf", "application/vnd.oasis.opendocument", "OpenDocument");
    public static readonly IdentifiedFormat Doc = new("doc", "application/msword", "Word 97-2003 文档 (DOC)");
    public static readonly IdentifiedFormat Xls = new("xls", "application/vnd.ms-excel", "Excel 97-2003 工作簿 (XLS)");
    public static readonly IdentifiedFormat Ppt = new("ppt", "application/vnd.ms-powerpoint", "PowerPoint 97-2003 (PPT)");
    public static readonly IdentifiedFormat Ole = new("ole", "application/x-ole-storage", "OLE 复合文档");
    public static readonly IdentifiedFormat Zip = new("zip", "application/zip", "ZIP 压缩包");
    public static readonly IdentifiedFormat Rar = new("rar", "application/vnd.rar", "RAR 压缩包");
    public static readonly IdentifiedFormat SevenZip = new("7z", "application/x-7z-compressed", "7z 压缩包");
    public static readonly IdentifiedFormat Gzip = new("gzip", "application/gzip", "gzip 压缩文件");
    public static readonly IdentifiedFormat WindowsExecutable = new("exe", "application/vnd.microsoft.portable-executable", "Windows 可执行程序");
    public static readonly IdentifiedFormat Elf = new("elf", "application/x-executable", "ELF 可执行程序");
    public static readonly IdentifiedFormat MachO = new("macho", "application/x-mach-binary", "Mach-O 可执行程序");
    public static readonly IdentifiedFormat Script = new("script", "text/x-script", "脚本");
    public static readonly IdentifiedFormat Empty = new("empty", "application/x-empty", "空文件");
    public static readonly IdentifiedFormat Unknown = new("unknown", "application/octet-stream", "未知格式");

    /// <summary>PDF/A of the given part and conformance level (XMP pdfaid:part and pdfaid:conformance).</summary>
    public static IdentifiedFormat PdfA(int part, string conformance)
    {
        var level = conformance.Trim().ToUpperInvariant();
        return new IdentifiedFormat($"pdfa-{part}{level.ToLowerInvariant()}", "application/pdf", $"PDF/A-{part}{level}");
    }

    /// <summary>Formats that run code or carry code: refused by the security check whatever the accepted list says.</summary>
    public static bool IsExecutable(IdentifiedFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.FormatId is "exe" or "elf" or "macho" or "script";
    }

    /// <summary>
    /// The default accepted list for long-term preservation (DESIGN.md §5): fixed-layout documents (OFD, PDF, PDF/A),
    /// images, audio, video, XML and plain text. Entries ending in '*' match a prefix ("pdfa-*").
    /// </summary>
    public static IReadOnlyList<string> DefaultAccepted { get; } =
        ["pdf", "pdfa-*", "ofd", "ofd-a", "tiff", "jpeg", "jp2", "png", "wav", "mp3", "mp4", "avi", "mxf", "xml", "txt"];

    /// <summary>True when <paramref name="formatId"/> is on <paramref name="accepted"/> (prefix entries end in '*').</summary>
    public static bool IsOnList(string formatId, IEnumerable<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        foreach (var entry in accepted)
        {
            if (entry.EndsWith('*') ? formatId.StartsWith(entry[..^1], StringComparison.Ordinal) : string.Equals(entry, formatId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
