using System.Globalization;
using Lantai.Common.Pdf;
using SkiaSharp;

namespace Lantai.Catalogue.Export;

/// <summary>
/// Lays out the filing catalogue on A4 landscape pages: each class (fonds–category–year–retention, as the catalogue
/// is printed per class) starts on a new page with its own page header and numbers its rows from 1; the table
/// header repeats on every page; the footer reads "第 n 页 共 m 页". It runs once per <see cref="PdfPass"/>: the
/// measuring pass counts the pages, so the total is known before the first page is written.
/// </summary>
internal sealed class FilingCataloguePdf(PdfTextPainter painter, IReadOnlyDictionary<string, string> fondsNames, CatalogueRules rules) : IDisposable
{
    public const float Mm = 72f / 25.4f;
    public const float PageWidth = 297 * Mm;
    public const float PageHeight = 210 * Mm;

    private const float Left = 20 * Mm;       // the binding edge
    private const float Right = 15 * Mm;
    private const float Top = 12 * Mm;
    private const float Bottom = 15 * Mm;
    private const float TitleSize = 18f;
    private const float InfoSize = 10.5f;
    private const float BodySize = 9f;
    private const float FooterSize = 9f;
    private const float PadX = 1.5f * Mm;
    private const float PadY = 1.3f * Mm;
    private const float MinRowHeight = 7 * Mm;
    private const float HeaderRowHeight = 8 * Mm;
    private const float TableTop = Top + 20 * Mm;
    private const float TableBottom = PageHeight - Bottom;

    // 序号 档号 文号 责任者 题名 日期 密级 页数 备注: 262 mm, the width between the margins.
    private static readonly float[] ColumnWidths = [.. new[] { 10f, 50, 38, 36, 69, 20, 12, 11, 16 }.Select(w => w * Mm)];
    private static readonly bool[] Centred = [true, false, false, false, false, true, true, true, false];

    private readonly SKPaint _text = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint _grid = new() { Color = SKColors.Black, IsStroke = true, StrokeWidth = 0.6f, IsAntialias = true };
    private readonly SKPaint _headerFill = new() { Color = new SKColor(0xE7, 0xE6, 0xE6) };

    /// <summary>Lays out and draws the records on the pass's pages; returns the number of records and pages.</summary>
    public async Task<ExportSummary> RunAsync(IAsyncEnumerable<Record> records, PdfPass pass, CancellationToken cancellationToken)
    {
        var count = 0;
        SKCanvas? canvas = null;
        ClassKey? current = null;
        var sequence = 0;
        var y = 0f;
        var rowsOnPage = 0;

        void StartPage(ClassKey? key)
        {
            EndPage();
            canvas = pass.BeginPage(PageWidth, PageHeight);
            rowsOnPage = 0;
            y = TableTop + HeaderRowHeight;
            DrawPageHeader(canvas, key);
        }

        void EndPage()
        {
            if (canvas is not null)
            {
                painter.DrawCentered(canvas, $"第 {pass.PageCount} 页 共 {pass.TotalPages} 页", PageWidth / 2, PageHeight - (8 * Mm), FooterSize, _text);
                pass.EndPage();
                canvas = null;
            }
        }

        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            var key = new ClassKey(record.FondsCode, record.CategoryCode, record.Year, record.RetentionCode);
            if (key != current)
            {
                current = key;
                sequence = 0;
                StartPage(key);
            }

            count++;
            var row = Layout(FilingCatalogueRow.From(record, ++sequence));
            if (rowsOnPage > 0 && y + row.Height > TableBottom)
            {
                StartPage(key);
            }

            DrawRow(canvas!, row, y);
            y += row.Height;
            rowsOnPage++;
        }

        if (canvas is null)
        {
            StartPage(null);
            painter.DrawCentered(canvas!, "（没有符合条件的档案）", PageWidth / 2, y + (8 * Mm), BodySize, _text);
        }

        EndPage();
        return new ExportSummary(count, pass.PageCount);
    }

    public void Dispose()
    {
        _text.Dispose();
        _grid.Dispose();
        _headerFill.Dispose();
    }

    private void DrawPageHeader(SKCanvas canvas, ClassKey? key)
    {
        painter.DrawCentered(canvas, "归档文件目录", PageWidth / 2, Top + (8 * Mm), TitleSize, _text);
        if (key is { } k)
        {
            var name = fondsNames.TryGetValue(k.FondsCode, out var n) ? n : "";
            var category = rules.Categories.TryGetValue(k.CategoryCode, out var c) ? c : k.CategoryCode;
            var retention = rules.Retentions.TryGetValue(k.RetentionCode, out var r) ? r.Name : k.RetentionCode;
            var baseline = Top + (16 * Mm);
            painter.Draw(canvas, $"全宗号：{k.FondsCode}　　全宗名称：{name}", Left, baseline, InfoSize, _text);
            painter.DrawRight(canvas, string.Create(CultureInfo.InvariantCulture, $"门类：{category}　　年度：{k.Year}　　保管期限：{retention}"),
                PageWidth - Right, baseline, InfoSize, _text);
        }

        var x = Left;
        canvas.DrawRect(Left, TableTop, PageWidth - Left - Right, HeaderRowHeight, _headerFill);
        canvas.DrawLine(Left, TableTop, PageWidth - Right, TableTop, _grid);
        for (var i = 0; i < ColumnWidths.Length; i++)
        {
            painter.DrawCentered(canvas, FilingCatalogueRow.Headers[i], x + (ColumnWidths[i] / 2), TableTop + (HeaderRowHeight / 2) + (BodySize * 0.36f), BodySize, _text);
            x += ColumnWidths[i];
        }

        DrawRules(canvas, TableTop, HeaderRowHeight);
    }

    private RowLayout Layout(FilingCatalogueRow row)
    {
        // A row taller than a page (a very long title or remark) is cut to one page.
        var maxLines = (int)((TableBottom - TableTop - HeaderRowHeight - (2 * PadY)) / PdfTextPainter.LineHeight(BodySize));
        var (lines, most) = painter.WrapRow(row.Cells, ColumnWidths, BodySize, PadX, maxLines);
        var height = Math.Max(MinRowHeight, (most * PdfTextPainter.LineHeight(BodySize)) + (2 * PadY));
        return new RowLayout(lines, height);
    }

    private void DrawRow(SKCanvas canvas, RowLayout row, float top)
    {
        var x = Left;
        var lineHeight = PdfTextPainter.LineHeight(BodySize);
        for (var i = 0; i < ColumnWidths.Length; i++)
        {
            var lines = row.Lines[i];
            // Vertically centred, as printed catalogues are.
            var y = top + ((row.Height - (lines.Count * lineHeight)) / 2) + PdfTextPainter.BaselineOffset(BodySize);
            foreach (var line in lines)
            {
                if (Centred[i])
                {
                    painter.DrawCentered(canvas, line, x + (ColumnWidths[i] / 2), y, BodySize, _text);
                }
                else
                {
                    painter.Draw(canvas, line, x + PadX, y, BodySize, _text);
                }

                y += lineHeight;
            }

            x += ColumnWidths[i];
        }

        DrawRules(canvas, top, row.Height);
    }

    /// <summary>The bottom rule of a row and the column rules beside its cells.</summary>
    private void DrawRules(SKCanvas canvas, float top, float height)
    {
        var x = Left;
        canvas.DrawLine(x, top, x, top + height, _grid);
        foreach (var width in ColumnWidths)
        {
            x += width;
            canvas.DrawLine(x, top, x, top + height, _grid);
        }

        canvas.DrawLine(Left, top + height, x, top + height, _grid);
    }

    private readonly record struct ClassKey(string FondsCode, string CategoryCode, int Year, string RetentionCode);

    private sealed record RowLayout(List<string>[] Lines, float Height);
}
