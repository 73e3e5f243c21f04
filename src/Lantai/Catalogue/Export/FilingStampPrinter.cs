using System.Globalization;
using Lantai.Common.Pdf;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Lantai.Catalogue.Export;

/// <summary>
/// Prints filing stamps (归档章, DA/T 22-2015) for a selection on A4 sheets, to be printed on labels and stuck on
/// the first page of each item: a ruled 45 × 16 mm box of 2 × 3 cells of 15 × 8 mm holding
/// 全宗号 · 年度 · 件号 (top) and 机构(问题) · 保管期限 · 页数 (bottom), the archival code in small print below it so a
/// label can be matched to its item. 4 × 11 stamps per page.
/// </summary>
public sealed class FilingStampPrinter(LantaiDbContext db, RecordQueries queries, TimeProvider time)
{
    public const string Title = "归档章";

    private const float Mm = FilingCataloguePdf.Mm;
    private const float PageWidth = 210 * Mm;
    private const float PageHeight = 297 * Mm;
    private const float CellWidth = 15 * Mm;
    private const float CellHeight = 8 * Mm;
    private const float StampWidth = 3 * CellWidth;
    private const float StampHeight = 2 * CellHeight;
    private const int Columns = 4;
    private const int Rows = 11;
    private const float PitchX = 48 * Mm;     // 45 mm stamp + 3 mm gap
    private const float PitchY = 23.5f * Mm;  // 16 mm stamp + code line + gap
    private const float Left = (PageWidth - (((Columns - 1) * PitchX) + StampWidth)) / 2;
    private const float Top = 20 * Mm;
    private const float ValueSize = 9f;
    private const float CodeSize = 6.5f;

    public async Task<ExportSummary> WritePdfAsync(RecordFilter filter, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var fonds = await db.Fonds.AsNoTracking().Select(f => new { f.Id, f.Code }).ToListAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(cancellationToken);
        var fondsCodes = fonds.ToDictionary(f => f.Id, f => f.Code);
        // The stamp shows the org unit's name where the fonds defines it (办公室), else its code as written in the archival code.
        var unitNames = units.Where(u => fondsCodes.ContainsKey(u.FondsId))
            .ToDictionary(u => (fondsCodes[u.FondsId], u.Code), u => u.Name);

        await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken);
        return await PdfComposer.WriteAsync(output, FilingCatalogueExporter.PdfMetadata(Title, time), async pass =>
        {
            var painter = pass.Text;
            using var ink = new SKPaint { Color = new SKColor(0xC0, 0x00, 0x00), IsStroke = true, StrokeWidth = 0.8f, IsAntialias = true };
            using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
            SKCanvas? canvas = null;
            var count = 0;
            await foreach (var record in queries.StreamAsync(filter, cancellationToken))
            {
                var slot = count % (Columns * Rows);
                if (slot == 0)
                {
                    canvas = pass.BeginPage(PageWidth, PageHeight);
                    DrawHeading(canvas, painter, grey, pass.PageCount);
                }

                var x = Left + ((slot % Columns) * PitchX);
                var y = Top + ((slot / Columns) * PitchY);
                var org = unitNames.TryGetValue((record.FondsCode, record.OrgUnitCode), out var name) ? name : record.OrgUnitCode;
                var retention = rules.Retentions.TryGetValue(record.RetentionCode, out var r) ? r.Name : record.RetentionCode;
                DrawStamp(canvas!, painter, ink, text, x, y,
                [
                    record.FondsCode,
                    record.Year.ToString(CultureInfo.InvariantCulture),
                    record.ItemNumber.ToString("D4", CultureInfo.InvariantCulture),
                    org,
                    retention,
                    record.PageCount?.ToString(CultureInfo.InvariantCulture) ?? "",
                ]);
                painter.DrawCentered(canvas!, record.ArchivalCode, x + (StampWidth / 2), y + StampHeight + (3.2f * Mm),
                    painter.FitSize(record.ArchivalCode, CodeSize, StampWidth, 4.5f), grey);
                count++;
            }

            if (canvas is null)
            {
                canvas = pass.BeginPage(PageWidth, PageHeight);
                DrawHeading(canvas, painter, grey, pass.PageCount);
                painter.DrawCentered(canvas, "（没有符合条件的档案）", PageWidth / 2, Top + (10 * Mm), ValueSize, text);
            }

            pass.EndPage();
            return new ExportSummary(count, pass.PageCount);
        }, cancellationToken);
    }

    private static void DrawHeading(SKCanvas canvas, PdfTextPainter painter, SKPaint paint, int page)
    {
        painter.Draw(canvas, "归档章（全宗号 · 年度 · 件号 / 机构(问题) · 保管期限 · 页数）", Left, 12 * Mm, 8f, paint);
        painter.DrawRight(canvas, $"第 {page} 页", Left + ((Columns - 1) * PitchX) + StampWidth, 12 * Mm, 8f, paint);
    }

    private static void DrawStamp(SKCanvas canvas, PdfTextPainter painter, SKPaint ink, SKPaint text, float x, float y, string[] values)
    {
        canvas.DrawRect(x, y, StampWidth, StampHeight, ink);
        canvas.DrawLine(x, y + CellHeight, x + StampWidth, y + CellHeight, ink);
        canvas.DrawLine(x + CellWidth, y, x + CellWidth, y + StampHeight, ink);
        canvas.DrawLine(x + (2 * CellWidth), y, x + (2 * CellWidth), y + StampHeight, ink);
        for (var i = 0; i < values.Length; i++)
        {
            var cellX = x + ((i % 3) * CellWidth);
            var cellY = y + ((i / 3) * CellHeight);
            var size = painter.FitSize(values[i], ValueSize, CellWidth - (1.5f * Mm), 5f);
            painter.DrawCentered(canvas, values[i], cellX + (CellWidth / 2), cellY + (CellHeight / 2) + (size * 0.36f), size, text);
        }
    }
}
