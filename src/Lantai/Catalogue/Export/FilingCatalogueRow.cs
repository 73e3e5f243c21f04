using System.Globalization;

namespace Lantai.Catalogue.Export;

/// <summary>
/// One line of the filing catalogue (归档文件目录, DA/T 22-2015) as printed: every cell is text, dates as YYYYMMDD,
/// a title the archivist supplied in [ ].
/// </summary>
public sealed record FilingCatalogueRow(
    string Sequence, string ArchivalCode, string DocumentNumber, string Author, string Title, string Date,
    string Classification, string PageCount, string Remarks)
{
    /// <summary>The column headings, in the standard's order.</summary>
    public static IReadOnlyList<string> Headers { get; } = ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"];

    public IReadOnlyList<string> Cells => [Sequence, ArchivalCode, DocumentNumber, Author, Title, Date, Classification, PageCount, Remarks];

    public static FilingCatalogueRow From(Record record, int sequence)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new FilingCatalogueRow(
            sequence.ToString(CultureInfo.InvariantCulture),
            record.ArchivalCode,
            record.DocumentNumber ?? "",
            record.Author ?? "",
            record.TitleSupplied ? $"[{record.Title}]" : record.Title,
            record.Date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "",
            record.Classification,
            record.PageCount?.ToString(CultureInfo.InvariantCulture) ?? "",
            record.Remarks ?? "");
    }
}
