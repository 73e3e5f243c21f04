using Lantai.Catalogue;
using Lantai.Catalogue.Export;
using Lantai.Common;
using Microsoft.Net.Http.Headers;

namespace Lantai.Web.Api.Catalogue;

/// <summary>
/// Streams a catalogue export as a download, shared by the export page and GET /api/v1/exports/…: the filing catalogue
/// (xlsx, PDF, CSV) or the filing stamps (PDF). Records are written as they are read, so the response never sits in memory;
/// the filter's clearance (the viewer's) decides what is exported.
/// </summary>
public static class CatalogueDownload
{
    public const string Xlsx = "xlsx";
    public const string Pdf = "pdf";
    public const string Csv = "csv";
    public const string Stamps = "stamps";

    /// <summary>The format named in a query string (case-insensitive), or an error naming the parameter.</summary>
    public static Result<string> ParseFormat(string? format, string parameter = "format") =>
        format?.Trim().ToLowerInvariant() switch
        {
            Xlsx => Xlsx,
            Pdf => Pdf,
            Csv => Csv,
            Stamps => Stamps,
            _ => Error.Validation(parameter, $"导出格式“{format}”无效（可用：xlsx、pdf、csv、stamps 归档章）"),
        };

    /// <summary>A Chinese file name carrying the fonds and year filters, e.g. 归档文件目录-0426-2016.xlsx.</summary>
    public static string FileName(string format, RecordListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var title = format == Stamps ? FilingStampPrinter.Title : FilingCatalogueExporter.Title;
        var extension = format == Stamps ? Pdf : format;
        var parts = new[] { title, query.Fonds, query.Year }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Safe(p!.Trim()));
        return string.Join('-', parts) + "." + extension;
    }

    /// <summary>Sets the download headers (attachment; filename and RFC 5987 filename*) and writes the file to the response.</summary>
    public static async Task<ExportSummary> WriteAsync(HttpContext context, string format, RecordFilter filter, string fileName)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);
        var response = context.Response;
        response.ContentType = format switch
        {
            Xlsx => FilingCatalogueExporter.XlsxContentType,
            Csv => FilingCatalogueExporter.CsvContentType,
            _ => FilingCatalogueExporter.PdfContentType,
        };
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        // Catalogues may list classified records: no copies in shared caches or the browser's.
        response.Headers.CacheControl = "no-store";

        var services = context.RequestServices;
        var body = response.Body;
        var cancellationToken = context.RequestAborted;
        return format switch
        {
            Xlsx => await services.GetRequiredService<FilingCatalogueExporter>().WriteXlsxAsync(filter, body, cancellationToken),
            Csv => await services.GetRequiredService<FilingCatalogueExporter>().WriteCsvAsync(filter, body, cancellationToken),
            Pdf => await services.GetRequiredService<FilingCatalogueExporter>().WritePdfAsync(filter, body, cancellationToken),
            _ => await services.GetRequiredService<FilingStampPrinter>().WritePdfAsync(filter, body, cancellationToken),
        };
    }

    // Characters Windows refuses in file names, whatever the server runs on.
    private static string Safe(string part) =>
        new([.. part.Select(c => "\\/:*?\"<>|".Contains(c, StringComparison.Ordinal) || char.IsControl(c) ? '_' : c)]);
}
