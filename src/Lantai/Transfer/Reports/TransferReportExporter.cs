using Lantai.Catalogue.Export;
using Lantai.Common.Pdf;

namespace Lantai.Transfer.Reports;

/// <summary>Exports a transfer's check report as PDF (for people and national testers) or XML (for machines).</summary>
public sealed class TransferReportExporter(TimeProvider time)
{
    /// <summary>Writes the PDF; returns its page count.</summary>
    public Task<int> WritePdfAsync(TransferDetail detail, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var metadata = FilingCatalogueExporter.PdfMetadata(CheckReportPdf.Title, time);
        metadata.Subject = detail.Transfer.Name;
        return PdfComposer.WriteAsync(output, metadata, pass =>
        {
            using var layout = new CheckReportPdf(pass.Text, time.LocalTimeZone);
            return Task.FromResult(layout.Run(detail, pass, cancellationToken));
        }, cancellationToken);
    }

    public static Task WriteXmlAsync(TransferDetail detail, Stream output, CancellationToken cancellationToken) =>
        CheckReportXml.WriteAsync(detail, output, cancellationToken);

    /// <summary>The download name: 四性检测报告-{transfer name}.pdf|xml.</summary>
    public static string FileName(TransferDetail detail, string extension)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var name = detail.Transfer.Name;
        var stem = Path.GetFileNameWithoutExtension(name.Replace('/', '_').Replace('\\', '_'));
        return $"四性检测报告-{stem}.{extension}";
    }
}
