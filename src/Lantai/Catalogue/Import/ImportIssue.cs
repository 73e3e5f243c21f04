using System.Globalization;
using Lantai.Common;

namespace Lantai.Catalogue.Import;

/// <summary>
/// An error or warning of an import, located as the archivist sees the file: the spreadsheet row (header = row 1, first
/// data row = row 2; null for the whole file) and the column header as written in the file.
/// </summary>
public sealed record ImportIssue(int? Row, string? Column, string Message)
{
    /// <summary>"第R行 列名: 原因", the form the CLI prints and the page lists.</summary>
    public override string ToString()
    {
        var where = Row is { } r ? string.Create(CultureInfo.InvariantCulture, $"第{r}行") : "文件";
        return Column is null ? $"{where}: {Message}" : $"{where} {Column}: {Message}";
    }

    public Error ToError() => new(Row is null ? "import.file" : "import.row", ToString(), Column);
}
