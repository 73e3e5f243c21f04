using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Lantai.Transfer.Reports;

namespace Lantai.Preservation;

/// <summary>
/// The metadata files of an AIP. record.xml uses Chinese element names (the field names of DA/T 22-2015 and DA/T 46-2009,
/// as the archivist reads them; namespace <see cref="RecordNamespace"/>, documented in docs/aip.md); record.json the
/// same fields with the English names of Lantai's glossary; events.xml is PREMIS 3.
/// </summary>
internal static class AipMetadata
{
    public const string RecordNamespace = "urn:lantai:aip:record:1";
    public const string PremisNamespace = "http://www.loc.gov/premis/v3";

    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false) };

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A file for people as well as programs: Chinese stays readable instead of \uXXXX (it is never put into HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] RecordXml(AipContent content, IReadOnlyList<AipEntry> entries)
    {
        var record = content.Record;
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("档案", RecordNamespace);
            xml.WriteAttributeString("版本", "1");
            Element(xml, "档案标识", record.Id.ToString());
            Element(xml, "档号", record.ArchivalCode);
            Element(xml, "全宗号", record.FondsCode);
            Element(xml, "门类代码", record.CategoryCode);
            Element(xml, "年度", Number(record.Year));
            Element(xml, "保管期限", record.RetentionCode);
            Element(xml, "机构问题", record.OrgUnitCode);
            Element(xml, "件号", Number(record.ItemNumber));
            Element(xml, "题名", record.Title);
            Element(xml, "拟写题名", record.TitleSupplied ? "是" : "否");
            Element(xml, "责任者", record.Author);
            Element(xml, "文号", record.DocumentNumber);
            Element(xml, "成文日期", record.Date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Element(xml, "页数", record.PageCount is { } pages ? Number(pages) : null);
            Element(xml, "密级", record.Classification);
            Element(xml, "载体", record.Carrier);
            Element(xml, "备注", record.Remarks);
            Element(xml, "开放状态", record.OpenStatus.ToString());
            Element(xml, "创建时间", CheckReportXml.Time(record.CreatedAt));
            Element(xml, "修改时间", CheckReportXml.Time(record.UpdatedAt));
            if ((content.Transfer?.Id ?? content.TransferId) is { } transferId)
            {
                var transfer = content.Transfer;
                xml.WriteStartElement("移交", RecordNamespace);
                xml.WriteAttributeString("标识", transferId.ToString());
                Element(xml, "名称", transfer?.Name ?? content.TransferName);
                Element(xml, "移交单位", transfer?.TransferringUnit);
                Element(xml, "接收时间", transfer is null ? null : CheckReportXml.Time(transfer.ReceivedAt));
                Element(xml, "行号", content.Item is { } item ? Number(item.RowNumber) : null);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("计算机文件列表", RecordNamespace);
            foreach (var entry in entries)
            {
                var file = entry.File;
                xml.WriteStartElement("计算机文件", RecordNamespace);
                xml.WriteAttributeString("序号", Number(file.Sequence));
                Element(xml, "计算机文件名", file.OriginalName);
                Element(xml, "包内路径", entry.PayloadPath);
                Element(xml, "计算机文件大小", Number(file.Length));
                Element(xml, "格式", file.FormatId);
                Element(xml, "媒体类型", file.MediaType);
                Element(xml, "SM3", file.ObjectSm3);
                Element(xml, "SHA256", entry.Sha256);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    public static byte[] RecordJson(AipContent content, IReadOnlyList<AipEntry> entries)
    {
        var record = content.Record;
        var document = new
        {
            id = record.Id.ToString(),
            archivalCode = record.ArchivalCode,
            fondsCode = record.FondsCode,
            categoryCode = record.CategoryCode,
            year = record.Year,
            retentionCode = record.RetentionCode,
            orgUnitCode = record.OrgUnitCode,
            itemNumber = record.ItemNumber,
            title = record.Title,
            titleSupplied = record.TitleSupplied,
            author = record.Author,
            documentNumber = record.DocumentNumber,
            date = record.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            pageCount = record.PageCount,
            classification = record.Classification,
            carrier = record.Carrier,
            remarks = record.Remarks,
            openStatus = record.OpenStatus.ToString(),
            createdAt = record.CreatedAt,
            updatedAt = record.UpdatedAt,
            transfer = (content.Transfer?.Id ?? content.TransferId) is { } transferId
                ? new
                {
                    id = transferId.ToString(),
                    name = content.Transfer?.Name ?? content.TransferName,
                    transferringUnit = content.Transfer?.TransferringUnit,
                    receivedAt = content.Transfer?.ReceivedAt,
                    rowNumber = content.Item?.RowNumber,
                }
                : null,
            files = entries.Select(e => new
            {
                sequence = e.File.Sequence,
                originalName = e.File.OriginalName,
                path = e.PayloadPath,
                length = e.File.Length,
                formatId = e.File.FormatId,
                mediaType = e.File.MediaType,
                sm3 = e.File.ObjectSm3,
                sha256 = e.Sha256,
            }).ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    public static byte[] CheckReport(AipContent content)
    {
        var items = content.Item is { } item ? new Dictionary<Guid, Transfer.TransferItem> { [item.Id] = item } : [];
        return CheckReportXml.Write(content.Transfer, content.Run, content.Results, items);
    }

    /// <summary>PREMIS 3: one event per <see cref="PreservationEvent"/>, oldest first, then one agent per distinct agent.</summary>
    public static byte[] EventsXml(AipContent content)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("premis", "premis", PremisNamespace);
            xml.WriteAttributeString("version", "3.0");
            foreach (var e in content.Events.OrderBy(e => e.At).ThenBy(e => e.Id))
            {
                xml.WriteStartElement("premis", "event", PremisNamespace);
                Identifier(xml, "eventIdentifier", "UUID", e.Id.ToString());
                Premis(xml, "eventType", e.Type);
                Premis(xml, "eventDateTime", CheckReportXml.Time(e.At));
                if (e.Detail is { Length: > 0 } detail)
                {
                    xml.WriteStartElement("premis", "eventDetailInformation", PremisNamespace);
                    Premis(xml, "eventDetail", detail);
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("premis", "eventOutcomeInformation", PremisNamespace);
                Premis(xml, "eventOutcome", e.Outcome);
                xml.WriteEndElement();
                Identifier(xml, "linkingAgentIdentifier", "local", e.Agent);
                if (e.RecordId is { } recordId)
                {
                    Identifier(xml, "linkingObjectIdentifier", "Lantai record id", recordId.ToString());
                }

                if (e.ObjectSm3 is { } sm3)
                {
                    Identifier(xml, "linkingObjectIdentifier", "SM3", sm3);
                }

                if (e.TransferId is { } transferId)
                {
                    Identifier(xml, "linkingObjectIdentifier", "Lantai transfer id", transferId.ToString());
                }

                xml.WriteEndElement();
            }

            foreach (var agent in content.Events.Select(e => e.Agent).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                xml.WriteStartElement("premis", "agent", PremisNamespace);
                Identifier(xml, "agentIdentifier", "local", agent);
                Premis(xml, "agentName", agent);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Element(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString(name, RecordNamespace, CheckReportXml.Clean(value));
        }
    }

    private static void Premis(XmlWriter xml, string name, string value) =>
        xml.WriteElementString("premis", name, PremisNamespace, CheckReportXml.Clean(value));

    private static void Identifier(XmlWriter xml, string name, string type, string value)
    {
        // PREMIS names the parts after the container: eventIdentifier → eventIdentifierType/Value, and so on.
        xml.WriteStartElement("premis", name, PremisNamespace);
        Premis(xml, name + "Type", type);
        Premis(xml, name + "Value", value);
        xml.WriteEndElement();
    }
}
