using System.Text;
using Lantai.Common.Pdf;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Lantai.Catalogue.Export;

/// <summary>
/// Exports the filing catalogue (归档文件目录, DA/T 22-2015) of any selection as .xlsx, CSV or PDF. Records are
/// streamed from the database in archival-code order and written as they come, so memory stays flat at any size.
/// The filter's clearance decides what is exported, as everywhere else.
/// </summary>
public sealed class FilingCatalogueExporter(LantaiDbContext db, RecordQueries queries, TimeProvider time)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string PdfContentType = "application/pdf";
    public const string Title = "归档文件目录";

    // Column widths in characters: 序号 档号 文号 责任者 题名 日期 密级 页数 备注.
    private static readonly double[] XlsxColumnWidths = [6, 26, 22, 20, 60, 10, 6, 6, 14];

    /// <summary>Writes an .xlsx workbook with one sheet, every cell text. Writes asynchronously only.</summary>
    public async Task<ExportSummary> WriteXlsxAsync(RecordFilter filter, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var count = 0;
        await using var writer = await XlsxWriter.CreateAsync(output, Title, FilingCatalogueRow.Headers, XlsxColumnWidths, cancellationToken);
        await foreach (var record in queries.StreamAsync(filter, cancellationToken))
        {
            await writer.WriteRowAsync(FilingCatalogueRow.From(record, ++count).Cells, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
        return new ExportSummary(count, 0);
    }

    /// <summary>Writes UTF-8 CSV with a byte-order mark (as Excel saves "CSV UTF-8"); formula-like cells get a leading apostrophe.</summary>
    public async Task<ExportSummary> WriteCsvAsync(RecordFilter filter, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var count = 0;
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', FilingCatalogueRow.Headers));
        await foreach (var record in queries.StreamAsync(filter, cancellationToken))
        {
            var cells = FilingCatalogueRow.From(record, ++count).Cells;
            await writer.WriteLineAsync(string.Join(',', cells.Select(c => CsvField(SpreadsheetText.ForCsv(c)))));
        }

        await writer.FlushAsync(cancellationToken);
        return new ExportSummary(count, 0);
    }

    /// <summary>Writes the catalogue as PDF (A4 landscape, fonts embedded), one class per group of pages.</summary>
    public async Task<ExportSummary> WritePdfAsync(RecordFilter filter, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var fondsNames = await db.Fonds.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.Name, StringComparer.Ordinal, cancellationToken);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken);
        return await PdfComposer.WriteAsync(output, PdfMetadata(Title, time), async pass =>
        {
            using var layout = new FilingCataloguePdf(pass.Text, fondsNames, rules);
            return await layout.RunAsync(queries.StreamAsync(filter, cancellationToken), pass, cancellationToken);
        }, cancellationToken);
    }

    internal static SKDocumentPdfMetadata PdfMetadata(string title, TimeProvider time)
    {
        var now = time.GetLocalNow().DateTime;
        return new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "兰台 Lantai",
            Producer = "Lantai (SkiaSharp)",
            Creation = now,
            Modified = now,
            RasterDpi = 300,
            // PDF/A-2b identification and XMP metadata: catalogues are kept as records themselves.
            PdfA = true,
        };
    }

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
