namespace Lantai.Catalogue.Import;

/// <summary>
/// A forward-only reader over the rows of a spreadsheet-like file. Cells are raw: text for CSV; text, double,
/// DateTime or bool for xlsx, so numbers and dates can be interpreted by column rather than by a guess of the reader.
/// </summary>
internal interface ITableReader : IDisposable
{
    /// <summary>The row as a person sees it in a spreadsheet program (first row = 1).</summary>
    int RowNumber { get; }

    int FieldCount { get; }

    /// <summary>Describes the file for the preview, e.g. "CSV（UTF-8）".</summary>
    string Description { get; }

    bool Read();

    /// <summary>The raw cell value, or null when the cell is empty or beyond the row's end.</summary>
    object? Get(int index);
}
