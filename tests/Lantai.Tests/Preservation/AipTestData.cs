using System.Security.Cryptography;
using Lantai.Catalogue;
using Lantai.Preservation;
using Lantai.Security;
using Lantai.Tests.Samples;
using Lantai.Tests.Transfer;

namespace Lantai.Tests.Preservation;

/// <summary>An AIP's content built from real sample files copied into a folder standing in for the store.</summary>
internal static class AipTestData
{
    public static async Task<AipContent> ContentAsync(string storeDir)
    {
        Directory.CreateDirectory(storeDir);
        var detail = TransferTestData.Detail();
        var item = detail.Items[0];
        return await ContentAsync(storeDir, detail, item);
    }

    public static async Task<AipContent> ContentAsync(string storeDir, Lantai.Transfer.TransferDetail detail, Lantai.Transfer.TransferItem item)
    {
        Directory.CreateDirectory(storeDir);
        var record = new Lantai.Catalogue.Record
        {
            Id = item.RecordId,
            FondsCode = "0426",
            CategoryCode = "WS",
            Year = 2023,
            RetentionCode = "Y",
            OrgUnitCode = "BGS",
            ItemNumber = 12,
            GroupKey = "0426|WS|2023|Y|BGS",
            ArchivalCode = item.ArchivalCode,
            Title = item.Title,
            Author = "示例旗人民政府办公室",
            DocumentNumber = "示政办发〔2023〕12号",
            Date = new DateOnly(2023, 3, 15),
            PageCount = 2,
            CreatedAt = detail.Transfer.ReceivedAt,
            UpdatedAt = detail.Transfer.ReceivedAt,
        };
        var files = new List<(RecordFile File, string Sha256)>
        {
            await StoreAsync(storeDir, 1, "文件/通知.pdf", ContentSamples.File(ContentSamples.NoticeBaseName + ".pdfa.pdf"), "pdf-a-2", "application/pdf"),
            await StoreAsync(storeDir, 2, "文件/附件 100%.jpg", ContentSamples.File("scan-200dpi.jpg"), "jpeg", "image/jpeg"),
            await StoreAsync(storeDir, 3, "签章/发票示例.ofd", ContentSamples.Ofd("发票示例.ofd"), "ofd", "application/ofd"),
        };
        var at = detail.Transfer.ReceivedAt;
        var events = new List<PreservationEvent>
        {
            new() { At = at.AddMinutes(2), Type = PreservationEventTypes.Ingestion, Outcome = PreservationEventTypes.Success, Agent = "Lantai 0.1", RecordId = record.Id, TransferId = detail.Transfer.Id, Detail = "接收入库" },
            new() { At = at.AddMinutes(1), Type = PreservationEventTypes.MessageDigestCalculation, Outcome = PreservationEventTypes.Success, Agent = "Lantai 0.1", ObjectSm3 = files[0].File.ObjectSm3, Detail = "SM3 " + files[0].File.ObjectSm3 },
            new() { At = at.AddMinutes(1.5), Type = PreservationEventTypes.FormatIdentification, Outcome = PreservationEventTypes.Success, Agent = "Lantai 0.1", ObjectSm3 = files[0].File.ObjectSm3, Detail = "pdf-a-2" },
            new() { At = at.AddMinutes(3), Type = PreservationEventTypes.Accession, Outcome = PreservationEventTypes.Success, Agent = "archivist", RecordId = record.Id },
        };
        return new AipContent
        {
            ArchiveName = "示例旗档案馆",
            Record = record,
            Files = [.. files.Select(f => f.File)],
            Sha256 = files.ToDictionary(f => f.File.ObjectSm3, f => f.Sha256),
            TransferId = detail.Transfer.Id,
            TransferName = detail.Transfer.Name,
            Transfer = detail.Transfer,
            Item = item,
            Run = detail.Run,
            Results = AipContent.LinesOf(detail.Results, item.Id, record.Id, files.Select(f => f.File.OriginalName)),
            Events = events,
        };
    }

    /// <summary>A writer whose objects are read from <paramref name="storeDir"/> (named by SM3, as the store names them).</summary>
    public static AipWriter Writer(string dataDir, string storeDir)
    {
        var options = new Lantai.Data.DatabaseOptions { DataDir = dataDir };
        return new AipWriter(options, new ObjectStore(options), TimeProvider.System) { ObjectPath = sm3 => Path.Combine(storeDir, sm3) };
    }

    public static string StorePath(string storeDir, AipContent content, int index) => Path.Combine(storeDir, content.Files[index].ObjectSm3);

    private static async Task<(RecordFile, string)> StoreAsync(string storeDir, int sequence, string name, string sample, string format, string mediaType)
    {
        var bytes = await File.ReadAllBytesAsync(sample);
        var sm3 = Sm3.HashHex(bytes);
        await File.WriteAllBytesAsync(Path.Combine(storeDir, sm3), bytes);
        var file = new RecordFile
        {
            Sequence = sequence,
            OriginalName = name,
            ObjectSm3 = sm3,
            Length = bytes.Length,
            FormatId = format,
            MediaType = mediaType,
        };
        return (file, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
