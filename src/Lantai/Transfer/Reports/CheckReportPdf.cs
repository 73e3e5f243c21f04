using System.Globalization;
using Lantai.Common.Pdf;
using Lantai.Transfer.Checks;
using SkiaSharp;

namespace Lantai.Transfer.Reports;

/// <summary>
/// Lays out the check report (电子文件四性检测报告) on A4 portrait pages: the transfer and the run, the totals per
/// property, then one table row per report line (code, name, property, result, object, evidence), the table header
/// repeated on every page and "第 n 页 共 m 页" at the foot. Runs once per <see cref="PdfPass"/> (see <see cref="PdfComposer"/>).
/// </summary>
internal sealed class CheckReportPdf(PdfTextPainter painter, TimeZoneInfo zone) : IDisposable
{
    public const string Title = "电子文件四性检测报告";

    private const float Mm = 72f / 25.4f;
    private const float PageWidth = 210 * Mm;
    private const float PageHeight = 297 * Mm;
    private const float Left = 20 * Mm;
    private const float Right = 15 * Mm;
    private const float Top = 15 * Mm;
    private const float Bottom = 18 * Mm;
    private const float TitleSize = 18f;
    private const float InfoSize = 10f;
    private const float BodySize = 8.5f;
    private const float FooterSize = 9f;
    private const float PadX = 1.2f * Mm;
    private const float PadY = 1.2f * Mm;
    private const float HeaderRowHeight = 7 * Mm;
    private const float TableBottom = PageHeight - Bottom;

    // 编号 名称 性质 结果 对象 证据: 175 mm, the width between the margins.
    private static readonly float[] LineWidths = [.. new[] { 19f, 32, 13, 13, 46, 52 }.Select(w => w * Mm)];
    private static readonly string[] LineHeaders = ["编号", "检测项目", "性质", "结果", "对象", "检测依据与说明"];
    private static readonly bool[] LineCentred = [false, false, true, true, false, false];

    // 性质 通过 不通过 警告 未检测 合计
    private static readonly float[] TotalWidths = [.. new[] { 35f, 28, 28, 28, 28, 28 }.Select(w => w * Mm)];

    private readonly SKPaint _text = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint _failed = new() { Color = new SKColor(0xB0, 0x00, 0x20), IsAntialias = true };
    private readonly SKPaint _grid = new() { Color = SKColors.Black, IsStroke = true, StrokeWidth = 0.6f, IsAntialias = true };
    private readonly SKPaint _headerFill = new() { Color = new SKColor(0xE7, 0xE6, 0xE6) };

    public int Run(TransferDetail detail, PdfPass pass, CancellationToken cancellationToken)
    {
        var items = detail.Items.ToDictionary(i => i.Id);
        SKCanvas canvas = pass.BeginPage(PageWidth, PageHeight);
        painter.DrawCentered(canvas, Title, PageWidth / 2, Top + (8 * Mm), TitleSize, _text);
        var y = Top + (18 * Mm);

        var transfer = detail.Transfer;
        var run = detail.Run;
        var info = new List<(string Label, string Value)>
        {
            ("移交名称", transfer.Name),
            ("移交单位", transfer.TransferringUnit ?? "（未声明）"),
            ("接收时间", Format(transfer.ReceivedAt) + "　接收人：" + transfer.ReceivedBy),
            ("包内容", string.Create(CultureInfo.InvariantCulture, $"{transfer.ItemCount} 件，{transfer.FileCount} 个文件，{transfer.TotalBytes:N0} 字节")),
            ("移交状态", TransferStates.Name(transfer.State)),
        };
        if (transfer.PackageSm3 is { } sm3)
        {
            info.Add(("包SM3", sm3));
        }

        if (run is not null)
        {
            info.Add(("检测阶段", CheckReportNames.Stage(run.Stage)));
            info.Add(("检测时间", Format(run.StartedAt) + (run.FinishedAt is { } f ? " 至 " + Format(f) : "（未完成）")));
            info.Add(("检测人", run.Actor));
            if (run.Tools is { Length: > 0 } tools)
            {
                info.Add(("检测工具", tools));
            }

            info.Add(("检测结论", run.Outcome is { } o ? CheckReportNames.Outcome(o) : "（未完成）"));
        }
        else
        {
            info.Add(("检测结论", "尚未检测"));
        }

        if (transfer.Reason is { Length: > 0 } reason)
        {
            info.Add(("说明", reason));
        }

        var labelWidth = 22 * Mm;
        var lineHeight = PdfTextPainter.LineHeight(InfoSize);
        foreach (var (label, value) in info)
        {
            var lines = painter.Wrap(value, InfoSize, PageWidth - Left - Right - labelWidth);
            painter.Draw(canvas, label + "：", Left, y, InfoSize, _text);
            foreach (var line in lines)
            {
                painter.Draw(canvas, line, Left + labelWidth, y, InfoSize, _text);
                y += lineHeight;
            }
        }

        // Totals per property.
        y += 3 * Mm;
        painter.Draw(canvas, "检测结果汇总", Left, y, InfoSize, _text);
        y += 2.5f * Mm;
        var totalsRows = CheckReportTotals.Of(detail.Results)
            .Select(t => new[] { CheckReportNames.Property(t.Property), N(t.Passed), N(t.Failed), N(t.Warning), N(t.NotChecked), N(t.Total) })
            .ToList();
        var all = detail.Results;
        totalsRows.Add(["合计", N(all.Count(r => r.Outcome == CheckOutcome.Passed)), N(all.Count(r => r.Outcome == CheckOutcome.Failed)),
            N(all.Count(r => r.Outcome == CheckOutcome.Warning)), N(all.Count(r => r.Outcome == CheckOutcome.NotChecked)), N(all.Count)]);
        y = DrawHeader(canvas, ["性质", "通过", "不通过", "警告", "未检测", "合计"], TotalWidths, y);
        foreach (var row in totalsRows)
        {
            var layout = Layout(row, TotalWidths);
            DrawRow(canvas, layout, TotalWidths, [true, true, true, true, true, true], y, failedColumn: -1);
            y += layout.Height;
        }

        // One row per report line.
        y += 5 * Mm;
        painter.Draw(canvas, "检测明细", Left, y, InfoSize, _text);
        y += 2.5f * Mm;
        y = DrawHeader(canvas, LineHeaders, LineWidths, y);
        var rowsOnPage = 0;
        foreach (var line in detail.Results)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = Layout(Cells(line, items), LineWidths);
            if (rowsOnPage > 0 && y + row.Height > TableBottom)
            {
                Footer(canvas, pass);
                canvas = pass.BeginPage(PageWidth, PageHeight);
                rowsOnPage = 0;
                y = DrawHeader(canvas, LineHeaders, LineWidths, Top);
            }

            DrawRow(canvas, row, LineWidths, LineCentred, y, failedColumn: line.Outcome == CheckOutcome.Failed ? 3 : -1);
            y += row.Height;
            rowsOnPage++;
        }

        if (detail.Results.Count == 0)
        {
            painter.DrawCentered(canvas, "（没有检测记录）", PageWidth / 2, y + (6 * Mm), BodySize, _text);
        }

        Footer(canvas, pass);
        return pass.PageCount;
    }

    public void Dispose()
    {
        _text.Dispose();
        _failed.Dispose();
        _grid.Dispose();
        _headerFill.Dispose();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Times as the archive reads them: in the server's time zone (stored times are UTC).</summary>
    private string Format(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string[] Cells(CheckResult line, Dictionary<Guid, TransferItem> items)
    {
        var target = new List<string>();
        if (line.ItemId is { } itemId && items.TryGetValue(itemId, out var item))
        {
            target.Add(string.Create(CultureInfo.InvariantCulture, $"第{item.RowNumber}行"));
            target.Add(item.ArchivalCode);
        }

        if (line.FilePath is { Length: > 0 } path)
        {
            target.Add(path);
        }

        return
        [
            line.Code,
            line.Name + (line.Blocking ? "" : "（非阻断）"),
            CheckReportNames.Property(line.Property),
            CheckReportNames.Outcome(line.Outcome),
            target.Count == 0 ? "整个移交包" : string.Join("\n", target),
            line.Evidence,
        ];
    }

    private void Footer(SKCanvas canvas, PdfPass pass)
    {
        painter.DrawCentered(canvas, $"第 {pass.PageCount} 页 共 {pass.TotalPages} 页", PageWidth / 2, PageHeight - (10 * Mm), FooterSize, _text);
        pass.EndPage();
    }

    private float DrawHeader(SKCanvas canvas, string[] headers, float[] widths, float top)
    {
        var width = widths.Sum();
        canvas.DrawRect(Left, top, width, HeaderRowHeight, _headerFill);
        canvas.DrawLine(Left, top, Left + width, top, _grid);
        var x = Left;
        for (var i = 0; i < widths.Length; i++)
        {
            painter.DrawCentered(canvas, headers[i], x + (widths[i] / 2), top + (HeaderRowHeight / 2) + (BodySize * 0.36f), BodySize, _text);
            x += widths[i];
        }

        DrawRules(canvas, widths, top, HeaderRowHeight);
        return top + HeaderRowHeight;
    }

    private RowLayout Layout(string[] cells, float[] widths)
    {
        // A row taller than a page (very long evidence) is cut to one page.
        var maxLines = (int)((TableBottom - Top - HeaderRowHeight - (2 * PadY)) / PdfTextPainter.LineHeight(BodySize));
        var (lines, most) = painter.WrapRow(cells, widths, BodySize, PadX, maxLines);
        return new RowLayout(lines, (most * PdfTextPainter.LineHeight(BodySize)) + (2 * PadY));
    }

    private void DrawRow(SKCanvas canvas, RowLayout row, float[] widths, bool[] centred, float top, int failedColumn)
    {
        var x = Left;
        var lineHeight = PdfTextPainter.LineHeight(BodySize);
        for (var i = 0; i < widths.Length; i++)
        {
            var y = top + PadY + PdfTextPainter.BaselineOffset(BodySize);
            var paint = i == failedColumn ? _failed : _text;
            foreach (var line in row.Lines[i])
            {
                if (centred[i])
                {
                    painter.DrawCentered(canvas, line, x + (widths[i] / 2), y, BodySize, paint);
                }
                else
                {
                    painter.Draw(canvas, line, x + PadX, y, BodySize, paint);
                }

                y += lineHeight;
            }

            x += widths[i];
        }

        DrawRules(canvas, widths, top, row.Height);
    }

    private void DrawRules(SKCanvas canvas, float[] widths, float top, float height)
    {
        var x = Left;
        canvas.DrawLine(x, top, x, top + height, _grid);
        foreach (var width in widths)
        {
            x += width;
            canvas.DrawLine(x, top, x, top + height, _grid);
        }

        canvas.DrawLine(Left, top + height, x, top + height, _grid);
    }

    private sealed record RowLayout(List<string>[] Lines, float Height);
}
