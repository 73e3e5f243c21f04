using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Lantai.Catalogue.Export;

/// <summary>
/// Writes a one-sheet .xlsx row by row into the output, so a million rows keep memory flat; the zip's bytes reach the
/// output asynchronously after each batch (<see cref="AsyncDrainStream"/>), so an HTTP response body can be the output. Every cell is an inline string
/// in a Text-formatted (@) style: 0426 stays 0426, and nothing ever becomes a formula (there is no &lt;f&gt;; cells that
/// look like formulas also get quotePrefix, Excel's stored apostrophe, so editing them keeps them text).
/// </summary>
internal sealed class XlsxWriter : IAsyncDisposable
{
    private const int StyleBody = 1;
    private const int StyleHeader = 2;
    private const int StyleBodyQuoted = 3;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");

    private readonly AsyncDrainStream _drain;
    private readonly ZipArchive _zip;
    private readonly Stream _sheetStream;
    private readonly StringBuilder _pending = new(64 * 1024);
    private readonly int _columns;
    private int _row;
    private bool _completed;

    private XlsxWriter(AsyncDrainStream drain, ZipArchive zip, Stream sheetStream, int columns)
    {
        _drain = drain;
        _zip = zip;
        _sheetStream = sheetStream;
        _columns = columns;
    }

    /// <summary>Starts the workbook; the header row is frozen, filtered and repeated on every printed page (A4 landscape).</summary>
    public static async Task<XlsxWriter> CreateAsync(Stream output, string sheetName, IReadOnlyList<string> headers, IReadOnlyList<double> columnWidths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(columnWidths);
        var drain = new AsyncDrainStream(output);
        var zip = new ZipArchive(drain, ZipArchiveMode.Create, leaveOpen: true);
        WritePart(zip, "[Content_Types].xml", ContentTypes);
        WritePart(zip, "_rels/.rels", RootRels);
        WritePart(zip, "xl/workbook.xml", Workbook(sheetName));
        WritePart(zip, "xl/_rels/workbook.xml.rels", WorkbookRels);
        WritePart(zip, "xl/styles.xml", Styles);

        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
        var stream = entry.Open();
        var writer = new XlsxWriter(drain, zip, stream, headers.Count);
        var sb = writer._pending;
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
            .Append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
            .Append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
            .Append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>")
            .Append("<cols>");
        for (var i = 0; i < columnWidths.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{columnWidths[i]}\" customWidth=\"1\"/>");
        }

        sb.Append("</cols><sheetData>");
        await writer.WriteRowAsync(headers, StyleHeader, cancellationToken);
        return writer;
    }

    public Task WriteRowAsync(IReadOnlyList<string> cells, CancellationToken cancellationToken) =>
        WriteRowAsync(cells, StyleBody, cancellationToken);

    /// <summary>Closes the sheet and the package. Without it the output is not a valid workbook.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        var last = ColumnName(_columns - 1) + _row.ToString(CultureInfo.InvariantCulture);
        _pending
            .Append("</sheetData>")
            .Append(CultureInfo.InvariantCulture, $"<autoFilter ref=\"A1:{last}\"/>")
            .Append("<printOptions horizontalCentered=\"1\"/>")
            .Append("<pageMargins left=\"0.6\" right=\"0.5\" top=\"0.6\" bottom=\"0.7\" header=\"0.3\" footer=\"0.3\"/>")
            .Append("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>")
            .Append("<headerFooter><oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter></headerFooter>")
            .Append("</worksheet>");
        await FlushPendingAsync(cancellationToken);
        _completed = true;
        _sheetStream.Dispose();
        _zip.Dispose();
        await _drain.DrainAsync(cancellationToken);
        await _drain.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            // An abandoned export: release the zip without sending its tail to the output.
            _completed = true;
            _sheetStream.Dispose();
            _zip.Dispose();
            await _drain.DisposeAsync();
        }
    }

    private async Task WriteRowAsync(IReadOnlyList<string> cells, int style, CancellationToken cancellationToken)
    {
        _row++;
        var row = _row.ToString(CultureInfo.InvariantCulture);
        var sb = _pending;
        sb.Append("<row r=\"").Append(row).Append("\">");
        for (var i = 0; i < cells.Count; i++)
        {
            var value = cells[i];
            var cellStyle = style == StyleBody && SpreadsheetText.LooksLikeFormula(value) ? StyleBodyQuoted : style;
            sb.Append("<c r=\"").Append(ColumnName(i)).Append(row).Append("\" s=\"").Append(cellStyle).Append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
            AppendEscaped(sb, value);
            sb.Append("</t></is></c>");
        }

        sb.Append("</row>");
        if (sb.Length >= 32 * 1024)
        {
            await FlushPendingAsync(cancellationToken);
        }
    }

    private async Task FlushPendingAsync(CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(_pending.ToString());
        _pending.Clear();
        _sheetStream.Write(bytes);
        await _drain.DrainAsync(cancellationToken);
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>XML-escapes text; characters XML cannot carry are written as OOXML's _xHHHH_, and a literal _xHHHH_ is protected.</summary>
    private static void AppendEscaped(StringBuilder sb, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '_' when IsEscapeSequence(value, i): sb.Append("_x005F_"); break;
                case '\t' or '\n': sb.Append(c); break;
                case '\r': sb.Append("&#13;"); break; // a raw CR would be read back as LF
                case < ' ' or '\uFFFE' or '\uFFFF': sb.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_"); break;
                default: sb.Append(c); break; // a lone surrogate becomes U+FFFD when encoded
            }
        }
    }

    private static bool IsEscapeSequence(string s, int i) =>
        i + 6 < s.Length && s[i + 1] == 'x' && s[i + 6] == '_' && !s.AsSpan(i + 2, 4).ContainsAnyExcept(HexDigits);

    private static void WritePart(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static string Workbook(string sheetName) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<sheets><sheet name=\"" + EscapeAttribute(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
        + "<definedNames>"
        + "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'" + EscapeAttribute(sheetName) + "'!$1:$1</definedName>"
        + "</definedNames></workbook>";

    private static string EscapeAttribute(string s) =>
        s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal);

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + "</Types>";

    private const string RootRels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>";

    private const string WorkbookRels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        + "</Relationships>";

    // cellXfs: 0 default, 1 body (Text @, thin border, wrap), 2 header (bold, grey fill, centred), 3 body with quotePrefix.
    private const string Styles =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"2\"><font><sz val=\"10.5\"/><name val=\"宋体\"/><charset val=\"134\"/></font><font><b/><sz val=\"10.5\"/><name val=\"宋体\"/><charset val=\"134\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7E6E6\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        + "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right><top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" quotePrefix=\"1\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"center\" wrapText=\"1\"/></xf>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>";
}
