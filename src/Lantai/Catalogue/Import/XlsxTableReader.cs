using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Lantai.Catalogue.Import;

/// <summary>
/// The first worksheet of an xlsx file, streamed by MiniExcel without loading the workbook (large shared-string tables
/// are cached on disk by MiniExcel). Cells come raw: numbers as double, date-formatted cells as DateTime. MiniExcel
/// yields every row from the first, empty ones included, so the row number is the position.
/// </summary>
internal sealed class XlsxTableReader : ITableReader
{
    private readonly Stream _stream;
    private readonly IEnumerator<object> _rows;
    private readonly List<string> _keys = [];
    private IDictionary<string, object?>? _current;

    public XlsxTableReader(Stream stream)
    {
        _stream = stream;
        var configuration = new OpenXmlConfiguration { FillMergedCells = false, EnableSharedStringCache = true };
        _rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX, configuration: configuration).GetEnumerator();
    }

    public int RowNumber { get; private set; }

    public int FieldCount => _current?.Count ?? 0;

    public string Description => "xlsx";

    public bool Read()
    {
        bool more;
        try
        {
            more = _rows.MoveNext();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or FormatException)
        {
            throw new InvalidImportFileException($"xlsx 工作簿第{RowNumber + 1}行附近无法读取：{e.Message}", e);
        }

        if (!more)
        {
            _current = null;
            return false;
        }

        _current = (IDictionary<string, object?>)_rows.Current;
        RowNumber++;
        return true;
    }

    public object? Get(int index)
    {
        if (_current is null)
        {
            return null;
        }

        while (_keys.Count <= index)
        {
            _keys.Add(ColumnName(_keys.Count));
        }

        return _current.TryGetValue(_keys[index], out var value) ? value : null;
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
        _rows.Dispose();
        _stream.Dispose();
    }
}
