using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Lantai.Catalogue.Import;

/// <summary>
/// The first worksheet of an xlsx file, streamed element by element with an XmlReader straight out of the zip: the
/// workbook is never loaded, only the shared-string table (unique texts, as Excel, WPS and LibreOffice write them) and
/// the cell styles (to tell date cells from numbers). Cells come raw: numbers as double, date-formatted cells as
/// DateTime, booleans as bool, texts as string. Rows missing from the XML (empty rows) are returned empty, so
/// <see cref="RowNumber"/> is the row a person sees. MiniExcel's reader did the same at a sixth of the speed.
/// </summary>
internal sealed partial class XlsxTableReader : ITableReader
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ZipArchive _zip;
    private readonly List<string> _shared;
    private readonly bool[] _dateStyles;
    private readonly XmlReader _sheet;
    private readonly List<object?> _cells = new(32);
    private int _nextRow;
    private bool _ended;

    public XlsxTableReader(Stream stream)
    {
        _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        try
        {
            var sheet = _zip.GetEntry(FirstSheetPath()) ?? throw new InvalidImportFileException("xlsx 工作簿中没有工作表");
            _shared = ReadSharedStrings();
            _dateStyles = ReadDateStyles();
            _sheet = XmlReader.Create(sheet.Open(), Settings);
            if (!_sheet.ReadToFollowing("sheetData", MainNamespace) || _sheet.IsEmptyElement)
            {
                _ended = true;
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or FormatException or OverflowException)
        {
            _zip.Dispose();
            throw new InvalidImportFileException(IsDtd(e) ? DtdRefused : "文件不是有效的 xlsx 工作簿：" + e.Message, e);
        }
    }

    /// <summary>Why a workbook with a DTD is refused: a DOCTYPE is how external entities (XXE) and entity bombs get in.</summary>
    internal const string DtdRefused = "xlsx 工作簿的 XML 含有 DTD（DOCTYPE）声明，可能引用外部实体，出于安全原因拒绝读取";

    public int RowNumber { get; private set; }

    public int FieldCount => _cells.Count;

    public string Description => "xlsx";

    public object? Get(int index) => (uint)index < (uint)_cells.Count ? _cells[index] : null;

    public bool Read()
    {
        try
        {
            return ReadRow();
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new InvalidImportFileException(IsDtd(e) ? DtdRefused : $"xlsx 工作簿第{RowNumber}行附近无法读取：{e.Message}", e);
        }
    }

    private bool ReadRow()
    {
        _cells.Clear();
        if (_nextRow == 0 && !_ended)
        {
            _nextRow = NextRowElement();
        }

        if (_nextRow == 0)
        {
            return false;
        }

        RowNumber++;
        if (_nextRow > RowNumber)
        {
            return true; // a row the file leaves out: empty
        }

        ReadCells();
        _nextRow = 0;
        return true;
    }

    /// <summary>Moves to the next &lt;row&gt; and returns its number (its r attribute, else the next one); 0 at the end.</summary>
    private int NextRowElement()
    {
        while (_sheet.Read())
        {
            if (_sheet.NodeType == XmlNodeType.Element && _sheet.LocalName == "row")
            {
                var r = _sheet.GetAttribute("r");
                return r is null ? RowNumber + 1 : int.Parse(r, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            if (_sheet.NodeType == XmlNodeType.EndElement && _sheet.LocalName == "sheetData")
            {
                break;
            }
        }

        _ended = true;
        return 0;
    }

    private void ReadCells()
    {
        if (_sheet.IsEmptyElement)
        {
            return;
        }

        var depth = _sheet.Depth;
        while (_sheet.Read())
        {
            if (_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == depth)
            {
                return;
            }

            if (_sheet.NodeType != XmlNodeType.Element || _sheet.LocalName != "c")
            {
                continue;
            }

            var column = _sheet.GetAttribute("r") is { } reference ? ColumnIndex(reference) : _cells.Count;
            var type = _sheet.GetAttribute("t");
            var style = _sheet.GetAttribute("s") is { } s ? int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
            var value = ReadCellValue(type, style);
            while (_cells.Count < column)
            {
                _cells.Add(null);
            }

            if (_cells.Count == column)
            {
                _cells.Add(value);
            }
            else
            {
                _cells[column] = value;
            }
        }
    }

    private object? ReadCellValue(string? type, int style)
    {
        if (_sheet.IsEmptyElement)
        {
            return null;
        }

        string? raw = null;
        string? inline = null;
        var depth = _sheet.Depth;
        var advance = true;
        while (!advance || _sheet.Read())
        {
            advance = true;
            if (_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == depth)
            {
                break;
            }

            if (_sheet.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (_sheet.LocalName)
            {
                case "v":
                    raw = _sheet.ReadElementContentAsString();
                    advance = false; // already on the node after </v>
                    break;
                case "is":
                    inline = ReadText(_sheet);
                    break;
                case "f":
                    _sheet.Skip();
                    advance = false;
                    break;
                default:
                    break;
            }
        }

        return Convert(type, style, raw, inline);
    }

    private object? Convert(string? type, int style, string? raw, string? inline)
    {
        switch (type)
        {
            case "s":
                return raw is null ? null : _shared[int.Parse(raw, NumberStyles.None, CultureInfo.InvariantCulture)];
            case "inlineStr":
                return string.IsNullOrEmpty(inline) ? null : inline;
            case "str" or "e":
                return string.IsNullOrEmpty(raw) ? null : raw;
            case "b":
                return raw == "1";
            case "d":
                return raw is null ? null : DateTime.Parse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            default:
                if (string.IsNullOrEmpty(raw))
                {
                    return null;
                }

                var number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                return style < _dateStyles.Length && _dateStyles[style] && number is >= 0 and < 2958466 ? DateTime.FromOADate(number) : number;
        }
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt;, or the &lt;t&gt; of each rich-text run; phonetic runs (rPh) are not text.</summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        string? single = null;
        System.Text.StringBuilder? runs = null;
        var advance = true;
        while (!advance || reader.Read())
        {
            advance = true;
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                break;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "rPh")
            {
                reader.Skip();
                advance = false;
            }
            else if (reader.LocalName == "t")
            {
                var text = reader.ReadElementContentAsString();
                advance = false;
                if (single is null && runs is null)
                {
                    single = text;
                }
                else
                {
                    runs ??= new System.Text.StringBuilder(single);
                    runs.Append(text);
                }
            }
        }

        return Unescape(runs?.ToString() ?? single ?? "");
    }

    /// <summary>Excel writes characters XML cannot hold (a carriage return, control characters) as _xHHHH_.</summary>
    private static string Unescape(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        return EscapeRegex().Replace(text, m => m.Value == "_x005F_" ? "_" : ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
    }

    [System.Text.RegularExpressions.GeneratedRegex("_x([0-9A-Fa-f]{4})_", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EscapeRegex();

    private List<string> ReadSharedStrings()
    {
        var strings = new List<string>();
        var entry = _zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return strings;
        }

        using var reader = XmlReader.Create(entry.Open(), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                strings.Add(ReadText(reader));
            }
        }

        return strings;
    }

    /// <summary>Which cell styles (cellXfs) show a number as a date: the built-in date formats, and custom ones with date or time codes.</summary>
    private bool[] ReadDateStyles()
    {
        var entry = _zip.GetEntry("xl/styles.xml");
        if (entry is null)
        {
            return [];
        }

        var custom = new Dictionary<int, bool>();
        var styles = new List<bool>();
        using var reader = XmlReader.Create(entry.Open(), Settings);
        var inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellXfs = false;
                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "numFmt":
                    if (int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    {
                        custom[id] = IsDateFormat(reader.GetAttribute("formatCode") ?? "");
                    }

                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    _ = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var format);
                    styles.Add(custom.TryGetValue(format, out var isDate) ? isDate : IsBuiltInDate(format));
                    break;
                default:
                    break;
            }
        }

        return [.. styles];
    }

    /// <summary>Built-in number formats that are dates or times, including the CJK ones (27–36, 50–58) Chinese Excel uses.</summary>
    private static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    private static bool IsDateFormat(string code)
    {
        // Ignore quoted text, escaped characters and [colour]/[locale] sections, then look for date or time codes.
        var inQuote = false;
        var inBracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuote)
            {
                inQuote = c != '"';
                continue;
            }

            if (inBracket)
            {
                inBracket = c != ']';
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuote = true;
                    break;
                case '[':
                    inBracket = true;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S' or '年' or '月' or '日':
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>The workbook's first sheet, through workbook.xml and its relationships (sheet1.xml is only the usual name).</summary>
    private string FirstSheetPath()
    {
        string? id = null;
        if (_zip.GetEntry("xl/workbook.xml") is { } workbook)
        {
            using var reader = XmlReader.Create(workbook.Open(), Settings);
            if (reader.ReadToFollowing("sheet", MainNamespace))
            {
                id = reader.GetAttribute("id", RelationshipNamespace);
            }
        }

        if (id is not null && _zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = XmlReader.Create(rels.Open(), Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") == id
                    && reader.GetAttribute("Target") is { } target)
                {
                    return target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }
        }

        return _zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).FirstOrDefault() ?? "xl/worksheets/sheet1.xml";
    }

    /// <summary>"C12" → 2 (the letters of a cell reference, A = 0).</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        index++;
        while (index > 0)
        {
            var rem = (index - 1) % 26;
            name = (char)('A' + rem) + name;
            index = (index - 1) / 26;
        }

        return name;
    }

    public void Dispose()
    {
        _sheet?.Dispose();
        _zip.Dispose();
    }

    /// <summary>XmlReader with DtdProcessing.Prohibit throws on any DOCTYPE; its message is the only way to tell (no error code).</summary>
    private static bool IsDtd(Exception e) => e is XmlException && e.Message.Contains("DTD", StringComparison.Ordinal);
}
