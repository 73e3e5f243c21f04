namespace Lantai.Catalogue.Import;

/// <summary>The header row of a file: which file column holds which catalogue column, and the headers as written.</summary>
internal sealed class HeaderMap
{
    private readonly int[] _indexOf;

    private HeaderMap(int row, List<ImportColumnInfo> columns)
    {
        Row = row;
        Columns = columns;
        _indexOf = Enumerable.Repeat(-1, Enum.GetValues<ImportColumn>().Length).ToArray();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i].Column;
            if (column is not (ImportColumn.Unknown or ImportColumn.Ignored) && _indexOf[(int)column] < 0)
            {
                _indexOf[(int)column] = i;
            }
        }

        Unknown = [.. columns.Select((c, i) => (c, i)).Where(x => x.c.Column == ImportColumn.Unknown).Select(x => x.i)];
        Read = [.. columns.Select((c, i) => (c, i)).Where(x => x.c.Column != ImportColumn.Ignored).Select(x => x.i)];
    }

    /// <summary>The spreadsheet row the header was found in.</summary>
    public int Row { get; }

    public IReadOnlyList<ImportColumnInfo> Columns { get; }

    /// <summary>File columns whose header was not recognised (their cells go to 备注).</summary>
    public IReadOnlyList<int> Unknown { get; }

    /// <summary>File columns that carry data (everything except ignored ones), for telling empty rows apart.</summary>
    public IReadOnlyList<int> Read { get; }

    public bool Has(ImportColumn column) => _indexOf[(int)column] >= 0;

    public int IndexOf(ImportColumn column) => _indexOf[(int)column];

    /// <summary>The header as written in the file, or the usual name when the file has no such column.</summary>
    public string HeaderOf(ImportColumn column) =>
        _indexOf[(int)column] is var i and >= 0 ? Columns[i].Header : HeaderRecognizer.Label(column);

    /// <summary>
    /// The current row as a header, when it looks like one (it has 题名, or at least three known columns).
    /// <paramref name="filesColumn"/>: recognise the 文件 column (transfer catalogues); otherwise it is an unknown column.
    /// </summary>
    public static HeaderMap? TryRead(ITableReader reader, bool filesColumn = false)
    {
        var columns = new List<ImportColumnInfo>(reader.FieldCount);
        var known = 0;
        var hasTitle = false;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var header = CellValues.Text(reader.Get(i))?.Trim().TrimStart('\uFEFF') ?? "";
            var column = header.Length == 0 ? ImportColumn.Unknown : HeaderRecognizer.Recognize(header);
            if (column == ImportColumn.Files && !filesColumn)
            {
                column = ImportColumn.Unknown;
            }

            if (header.Length == 0)
            {
                header = XlsxTableReader.ColumnName(i) + "列";
            }

            columns.Add(new ImportColumnInfo(header, column));
            known += column is ImportColumn.Unknown ? 0 : 1;
            hasTitle |= column == ImportColumn.Title;
        }

        // Trailing columns without a header are not columns.
        while (columns.Count > 0 && columns[^1].Column == ImportColumn.Unknown && CellValues.IsEmpty(reader.Get(columns.Count - 1)))
        {
            columns.RemoveAt(columns.Count - 1);
        }

        return hasTitle || known >= 3 ? new HeaderMap(reader.RowNumber, columns) : null;
    }
}
