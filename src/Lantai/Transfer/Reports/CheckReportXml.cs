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

    internal static async Task WriteAsync(
        TransferPackage? transfer, CheckRun? run, IReadOnlyList<CheckResult> results, IReadOnlyDictionary<Guid, TransferItem> items,
        Stream output, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "检测报告", Namespace);
        await xml.WriteAttributeStringAsync(null, "版本", null, "1");

        if (transfer is not null)
        {
            await xml.WriteStartElementAsync(null, "移交", Namespace);
            await xml.WriteAttributeStringAsync(null, "标识", null, transfer.Id.ToString());
            await Element(xml, "名称", transfer.Name);
            await Coded(xml, "类型", transfer.Kind.ToString(), CheckReportNames.Kind(transfer.Kind));
            await Element(xml, "移交单位", transfer.TransferringUnit);
            await Element(xml, "接收时间", Time(transfer.ReceivedAt));
            await Element(xml, "接收人", transfer.ReceivedBy);
            await Coded(xml, "状态", transfer.State.ToString(), TransferStates.Name(transfer.State));
            await Element(xml, "包SM3", transfer.PackageSm3);
            await Element(xml, "条目数", Number(transfer.ItemCount));
            await Element(xml, "文件数", Number(transfer.FileCount));
            await Element(xml, "总字节数", Number(transfer.TotalBytes));
            await Element(xml, "决定人", transfer.DecidedBy);
            await Element(xml, "决定时间", transfer.DecidedAt is { } decided ? Time(decided) : null);
            await Element(xml, "原因", transfer.Reason);
            await xml.WriteEndElementAsync();
        }

        if (run is not null)
        {
            await xml.WriteStartElementAsync(null, "检测", Namespace);
            await xml.WriteAttributeStringAsync(null, "标识", null, run.Id.ToString());
            await Coded(xml, "阶段", run.Stage.ToString(), CheckReportNames.Stage(run.Stage));
            await Element(xml, "开始时间", Time(run.StartedAt));
            await Element(xml, "结束时间", run.FinishedAt is { } finished ? Time(finished) : null);
            await Element(xml, "检测人", run.Actor);
            await Element(xml, "工具", run.Tools);
            if (run.Outcome is { } outcome)
            {
                await Coded(xml, "结论", outcome.ToString(), CheckReportNames.Outcome(outcome));
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteStartElementAsync(null, "汇总", Namespace);
        foreach (var totals in CheckReportTotals.Of(results))
        {
            await xml.WriteStartElementAsync(null, "性质", Namespace);
            await xml.WriteAttributeStringAsync(null, "代码", null, totals.Property.ToString());
            await xml.WriteAttributeStringAsync(null, "名称", null, CheckReportNames.Property(totals.Property));
            foreach (var outcome in CheckReportNames.Outcomes)
            {
                await xml.WriteAttributeStringAsync(null, CheckReportNames.Outcome(outcome), null, Number(totals.Count(outcome)));
            }

            await xml.WriteAttributeStringAsync(null, "合计", null, Number(totals.Total));
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync(null, "检测项列表", Namespace);
        foreach (var line in results)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "检测项", Namespace);
            await xml.WriteAttributeStringAsync(null, "序号", null, Number(line.Sequence));
            await Element(xml, "编号", line.Code);
            await Element(xml, "名称", line.Name);
            await Coded(xml, "性质", line.Property.ToString(), CheckReportNames.Property(line.Property));
            await Coded(xml, "结果", line.Outcome.ToString(), CheckReportNames.Outcome(line.Outcome));
            await Element(xml, "阻断", line.Blocking ? "是" : "否");
            if (line.ItemId is { } itemId)
            {
                await xml.WriteStartElementAsync(null, "条目", Namespace);
                await xml.WriteAttributeStringAsync(null, "标识", null, itemId.ToString());
                if (items.TryGetValue(itemId, out var item))
                {
                    await xml.WriteAttributeStringAsync(null, "行号", null, Number(item.RowNumber));
                    await xml.WriteAttributeStringAsync(null, "档号", null, Clean(item.ArchivalCode));
                }

                await xml.WriteEndElementAsync();
            }

            await Element(xml, "档案标识", line.RecordId?.Value.ToString());
            await Element(xml, "文件", line.FilePath);
            await Element(xml, "证据", line.Evidence);
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
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

    private static async Task Element(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            await xml.WriteElementStringAsync(null, name, Namespace, Clean(value));
        }
    }

    private static async Task Coded(XmlWriter xml, string name, string code, string text)
    {
        await xml.WriteStartElementAsync(null, name, Namespace);
        await xml.WriteAttributeStringAsync(null, "代码", null, code);
        await xml.WriteStringAsync(text);
        await xml.WriteEndElementAsync();
    }
}
