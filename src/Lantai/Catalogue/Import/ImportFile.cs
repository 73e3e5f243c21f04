using System.Text;

namespace Lantai.Catalogue.Import;

/// <summary>An opened catalogue file: its format (recognised by content, not by name), its reader and a byte counter.</summary>
internal sealed class ImportFile : IDisposable
{
    private ImportFile(ImportFileFormat format, string? encoding, ITableReader reader, CountingStream stream)
    {
        Format = format;
        Encoding = encoding;
        Reader = reader;
        Stream = stream;
    }

    public ImportFileFormat Format { get; }

    public string? Encoding { get; }

    public ITableReader Reader { get; }

    public CountingStream Stream { get; }

    /// <summary>Opens the file; throws <see cref="InvalidImportFileException"/> for a file that is not a catalogue Lantai reads.</summary>
    public static ImportFile Open(ImportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<byte> magic = stackalloc byte[4];
        int length;
        using (var probe = source.Open())
        {
            length = probe.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        }

        var extension = Path.GetExtension(source.FileName).ToUpperInvariant();
        if (length >= 4 && magic.SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            throw new InvalidImportFileException("不支持旧版 Excel（.xls）文件，请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入");
        }

        if (length >= 4 && magic.SequenceEqual("PK\u0003\u0004"u8))
        {
            var stream = new CountingStream(source.Open());
            try
            {
                return new ImportFile(ImportFileFormat.Xlsx, null, new XlsxTableReader(stream), stream);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
            {
                stream.Dispose();
                throw new InvalidImportFileException("文件不是有效的 xlsx 工作簿：" + e.Message, e);
            }
        }

        if (extension is ".XLSX" or ".XLSM")
        {
            throw new InvalidImportFileException("文件扩展名为 .xlsx，但内容不是 xlsx 工作簿");
        }

        CsvLayout layout;
        using (var detect = source.Open())
        {
            layout = TextEncodings.Detect(detect);
        }

        var csv = new CountingStream(source.Open());
        csv.ReadExactly(new byte[layout.PreambleLength]);
        var text = new StreamReader(csv, layout.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var name = TextEncodings.Name(layout.Encoding);
        var description = layout.Separator == '\t' ? $"制表符分隔文本（{name}）" : $"CSV（{name}）";
        return new ImportFile(ImportFileFormat.Csv, name, new CsvTableReader(text, layout.Separator, description), csv);
    }

    public void Dispose()
    {
        Reader.Dispose();
        Stream.Dispose();
    }
}
