using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Lantai.Security;

namespace Lantai.Tests.Samples;

/// <summary>
/// A small, good transfer package built from the content samples (the notice as PDF/A and PDF, its scans, OFD files of
/// other producers), with Chinese file names and a 目录.csv whose 文件 column names them: as a folder, a zip (UTF-8 or
/// GB18030 names, the latter as Windows' built-in zip writes them), and a BagIt bag (folder or zip) with SHA-256, SM3
/// and MD5 manifests. Fonds 0426, 文书, 2023, 永久, 办公室, items 12–16.
/// </summary>
internal static class SamplePackages
{
    public const string FondsCode = "0426";

    public const string TransferringUnit = "示例旗人民政府办公室";

    /// <summary>The package's content files: path in the package → the sample it is a copy of.</summary>
    public static IReadOnlyList<(string Path, string Source)> Files { get; } =
    [
        ("文书/关于做好主题教育文件材料收集归档工作的通知.pdf", ContentSamples.File(ContentSamples.NoticeBaseName + ".pdfa.pdf")),
        ("文书/关于做好主题教育文件材料收集归档工作的通知（非PDF-A）.pdf", ContentSamples.File(ContentSamples.NoticeBaseName + ".pdf")),
        ("扫描件/通知第1页（彩色）.tif", ContentSamples.File("scan-300dpi-colour.tif")),
        ("扫描件/通知第1页（灰度）.tif", ContentSamples.File("scan-300dpi-grey.tif")),
        ("扫描件/通知第1页.jpg", ContentSamples.File("scan-200dpi.jpg")),
        ("电子发票/发票示例.ofd", ContentSamples.Ofd("发票示例.ofd")),
        ("版式文件/OFD-A归档示例.ofd", ContentSamples.Ofd("test-ofda.ofd")),
        ("版式文件/你好世界.ofd", ContentSamples.Ofd("helloworld.ofd")),
    ];

    /// <summary>目录.csv: the catalogue import's columns plus 文件 (several files of one record separated by ';' or '；').</summary>
    public static string CatalogueCsv { get; } = string.Join("\n",
        "全宗号,门类,年度,保管期限,机构问题,件号,题名,责任者,文号,日期,页数,密级,文件",
        "0426,WS,2023,Y,BGS,12,关于做好主题教育文件材料收集归档工作的通知,示例旗人民政府办公室,示旗政办发〔2023〕12号,20230915,1,,文书/关于做好主题教育文件材料收集归档工作的通知.pdf",
        "0426,WS,2023,Y,BGS,13,关于做好主题教育文件材料收集归档工作的通知（扫描件）,示例旗人民政府办公室,示旗政办发〔2023〕12号,20230915,1,,扫描件/通知第1页（彩色）.tif；扫描件/通知第1页（灰度）.tif; 扫描件/通知第1页.jpg",
        "0426,WS,2023,Y,BGS,14,电子发票示例,示例旗人民政府办公室,,20230920,1,,电子发票/发票示例.ofd",
        "0426,WS,2023,Y,BGS,15,OFD-A归档示例,示例旗人民政府办公室,,20230921,1,,版式文件/OFD-A归档示例.ofd",
        "0426,WS,2023,Y,BGS,16,版式文件示例（含非PDF-A副本）,示例旗人民政府办公室,,20230922,1,,版式文件/你好世界.ofd;文书/关于做好主题教育文件材料收集归档工作的通知（非PDF-A）.pdf",
        "");

    public static byte[] CatalogueBytes => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(CatalogueCsv)];

    /// <summary>Writes the package as a folder (created) and returns it.</summary>
    public static string BuildFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "目录.csv"), CatalogueBytes);
        foreach (var (path, source) in Files)
        {
            var target = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        return folder;
    }

    /// <summary>
    /// Writes the package as a zip. <paramref name="gbkNames"/>: names in GB18030 without the UTF-8 flag, as Windows'
    /// built-in zip makes them on a Chinese system; otherwise UTF-8 with the flag. <paramref name="topFolder"/>: every
    /// entry inside one folder, as "send to compressed folder" on a folder makes it.
    /// </summary>
    public static string BuildZip(string zipPath, bool gbkNames = false, string? topFolder = null)
    {
        Encoding? encoding = null;
        if (gbkNames)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            encoding = Encoding.GetEncoding("GB18030");
        }

        using var file = File.Create(zipPath);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: false, encoding);
        var prefix = topFolder is null ? "" : topFolder + "/";
        AddBytes(zip, prefix + "目录.csv", CatalogueBytes);
        foreach (var (path, source) in Files)
        {
            zip.CreateEntryFromFile(source, prefix + path, CompressionLevel.Optimal);
        }

        return zipPath;
    }

    /// <summary>Writes the package as a BagIt bag folder: payload under data/, manifests (SHA-256, SM3, MD5), bag-info with Payload-Oxum.</summary>
    public static string BuildBag(string folder)
    {
        BuildFolder(Path.Combine(folder, "data"));
        var payload = Payload();
        File.WriteAllText(Path.Combine(folder, "bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        File.WriteAllText(Path.Combine(folder, "bag-info.txt"),
            $"Source-Organization: {TransferringUnit}\nPayload-Oxum: {payload.Sum(p => p.Bytes.Length)}.{payload.Count}\nBagging-Date: 2024-11-23\n");
        WriteManifest(folder, "sha256", payload, SHA256.HashData);
        WriteManifest(folder, "sm3", payload, b => Sm3.Hash(b));
#pragma warning disable CA5351 // MD5 only as BagIt senders write it; Lantai checks it, never relies on it.
        WriteManifest(folder, "md5", payload, MD5.HashData);
#pragma warning restore CA5351
        return folder;
    }

    /// <summary>The bag zipped, inside one top folder named after the bag.</summary>
    public static string BuildBagZip(string zipPath, string workFolder)
    {
        var bag = BuildBag(Path.Combine(workFolder, "移交包-bag"));
        ZipFile.CreateFromDirectory(bag, zipPath, CompressionLevel.Optimal, includeBaseDirectory: true);
        return zipPath;
    }

    /// <summary>The payload's files as the bag's manifests list them (data/…), catalogue included.</summary>
    public static List<(string Path, byte[] Bytes)> Payload() =>
        [("data/目录.csv", CatalogueBytes), .. Files.Select(f => ("data/" + f.Path, File.ReadAllBytes(f.Source)))];

    private static void WriteManifest(string folder, string algorithm, List<(string Path, byte[] Bytes)> payload, Func<byte[], byte[]> hash)
    {
        var lines = payload.Select(p => Convert.ToHexStringLower(hash(p.Bytes)) + "  " + p.Path);
        File.WriteAllText(Path.Combine(folder, $"manifest-{algorithm}.txt"), string.Join("\n", lines) + "\n");
    }

    private static void AddBytes(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}
