using System.Globalization;
using System.Text;
using System.Xml;
using Lantai.Transfer.Checks;

namespace Lantai.Transfer.Reports;

/// <summary>
/// The check report as XML in Lantai's report schema (namespace <see cref="Namespace"/>, documented in
/// docs/check-report-xml.md): Chinese element names, as DA/T 48 packages use, with the machine codes beside the
/// Chinese names in a <c>代码</c> attribute (outcome Passed/Failed/Warning/NotChecked, property Authenticity…).
/// The same writer serves the transfer's export and the record's check-report.xml inside its AIP.
/// </summary>
public static class CheckReportXml
{
    public const string Namespace = "urn:lantai:check-report:1";

    public static Task WriteAsync(TransferDetail detail, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return WriteAsync(detail.Transfer, detail.Run, detail.Results, detail.Items.ToDictionary(i => i.Id), output, cancellationToken);
    }

    /// <summary>
    /// Writes the report to <paramref name="output"/> (a response, a file): written synchronously into a buffer that goes
    /// out every <see cref="LinesPerChunk"/> lines, so a long report streams with little memory and without an async
    /// call per element.
    /// </summary>
    internal static async Task WriteAsync(
        TransferPackage? transfer, CheckRun? run, IReadOnlyList<CheckResult> results, IReadOnlyDictionary<Guid, TransferItem> items,
        Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            WriteHead(xml, transfer, run, results);
            var written = 0;
            foreach (var line in results)
            {
                cancellationToken.ThrowIfCancellationRequested();
                WriteLine(xml, line, items);
                if (++written % LinesPerChunk == 0)
                {
                    xml.Flush();
                    await DrainAsync(buffer, output, cancellationToken);
                }
            }

            WriteTail(xml);
        }

        await DrainAsync(buffer, output, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>The report as bytes (an AIP's check-report.xml: a few lines, written synchronously into memory).</summary>
    internal static byte[] Write(TransferPackage? transfer, CheckRun? run, IReadOnlyList<CheckResult> results, IReadOnlyDictionary<Guid, TransferItem> items)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            WriteHead(xml, transfer, run, results);
            foreach (var line in results)
            {
                WriteLine(xml, line, items);
            }

            WriteTail(xml);
        }

        return buffer.ToArray();
    }

    private const int LinesPerChunk = 256;

    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false) };

    private static async Task DrainAsync(MemoryStream buffer, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        buffer.SetLength(0); // the XmlWriter goes on writing at the start of the same buffer
    }

    private static void WriteHead(XmlWriter xml, TransferPackage? transfer, CheckRun? run, IReadOnlyList<CheckResult> results)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement(null, "检测报告", Namespace);
        xml.WriteAttributeString(null, "版本", null, "1");

        if (transfer is not null)
        {
            xml.WriteStartElement(null, "移交", Namespace);
            xml.WriteAttributeString(null, "标识", null, transfer.Id.ToString());
            Element(xml, "名称", transfer.Name);
            Coded(xml, "类型", transfer.Kind.ToString(), CheckReportNames.Kind(transfer.Kind));
            Element(xml, "移交单位", transfer.TransferringUnit);
            Element(xml, "接收时间", Time(transfer.ReceivedAt));
            Element(xml, "接收人", transfer.ReceivedBy);
            Coded(xml, "状态", transfer.State.ToString(), TransferStates.Name(transfer.State));
            Element(xml, "包SM3", transfer.PackageSm3);
            Element(xml, "条目数", Number(transfer.ItemCount));
            Element(xml, "文件数", Number(transfer.FileCount));
            Element(xml, "总字节数", Number(transfer.TotalBytes));
            Element(xml, "决定人", transfer.DecidedBy);
            Element(xml, "决定时间", transfer.DecidedAt is { } decided ? Time(decided) : null);
            Element(xml, "原因", transfer.Reason);
            xml.WriteEndElement();
        }

        if (run is not null)
        {
            xml.WriteStartElement(null, "检测", Namespace);
            xml.WriteAttributeString(null, "标识", null, run.Id.ToString());
            Coded(xml, "阶段", run.Stage.ToString(), CheckReportNames.Stage(run.Stage));
            Element(xml, "开始时间", Time(run.StartedAt));
            Element(xml, "结束时间", run.FinishedAt is { } finished ? Time(finished) : null);
            Element(xml, "检测人", run.Actor);
            Element(xml, "工具", run.Tools);
            if (run.Outcome is { } outcome)
            {
                Coded(xml, "结论", outcome.ToString(), CheckReportNames.Outcome(outcome));
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement(null, "汇总", Namespace);
        foreach (var totals in CheckReportTotals.Of(results))
        {
            xml.WriteStartElement(null, "性质", Namespace);
            xml.WriteAttributeString(null, "代码", null, totals.Property.ToString());
            xml.WriteAttributeString(null, "名称", null, CheckReportNames.Property(totals.Property));
            foreach (var outcome in CheckReportNames.Outcomes)
            {
                xml.WriteAttributeString(null, CheckReportNames.Outcome(outcome), null, Number(totals.Count(outcome)));
            }

            xml.WriteAttributeString(null, "合计", null, Number(totals.Total));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement(null, "检测项列表", Namespace);
    }

    private static void WriteLine(XmlWriter xml, CheckResult line, IReadOnlyDictionary<Guid, TransferItem> items)
    {
        xml.WriteStartElement(null, "检测项", Namespace);
        xml.WriteAttributeString(null, "序号", null, Number(line.Sequence));
        Element(xml, "编号", line.Code);
        Element(xml, "名称", line.Name);
        Coded(xml, "性质", line.Property.ToString(), CheckReportNames.Property(line.Property));
        Coded(xml, "结果", line.Outcome.ToString(), CheckReportNames.Outcome(line.Outcome));
        Element(xml, "阻断", line.Blocking ? "是" : "否");
        if (line.ItemId is { } itemId)
        {
            xml.WriteStartElement(null, "条目", Namespace);
            xml.WriteAttributeString(null, "标识", null, itemId.ToString());
            if (items.TryGetValue(itemId, out var item))
            {
                xml.WriteAttributeString(null, "行号", null, Number(item.RowNumber));
                xml.WriteAttributeString(null, "档号", null, Clean(item.ArchivalCode));
            }

            xml.WriteEndElement();
        }

        Element(xml, "档案标识", line.RecordId?.Value.ToString());
        Element(xml, "文件", line.FilePath);
        Element(xml, "证据", line.Evidence);
        xml.WriteEndElement();
    }

    private static void WriteTail(XmlWriter xml)
    {
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>
    /// Text made safe for XML 1.0: a file name or evidence may quote characters XML cannot carry (control characters of
    /// a hostile package's names); they are written as "U+0001" so the report says what was there and stays well formed.
    /// </summary>
    internal static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
            }
        }

        return builder.ToString();
    }

    internal static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Element(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString(null, name, Namespace, Clean(value));
        }
    }

    private static void Coded(XmlWriter xml, string name, string code, string text)
    {
        xml.WriteStartElement(null, name, Namespace);
        xml.WriteAttributeString(null, "代码", null, code);
        xml.WriteString(text);
        xml.WriteEndElement();
    }
}
