using System.Globalization;
using System.Xml;
using Lantai.Catalogue.Export;
using Lantai.Transfer.Checks;

namespace Lantai.Transfer.Packages;

/// <summary>
/// DA/T 48-2009 EEPs as a transfer: one .eep (or EEP .xml) file, or a folder or zip of .eep files and nothing else, each
/// EEP one record. The EEPs are decoded in staging into the package's content files plus a catalogue generated from
/// their metadata (<see cref="CatalogueName"/>), so the check, the report and the ingest treat them like any package.
/// A single EEP's files keep their 计算机文件名; in a set each is prefixed by its EEP's path without ".eep" ("批次1/通知/正文.pdf"), since two
/// EEPs may both hold "正文.pdf".
/// </summary>
internal static class EepPackage
{
    public const string CatalogueName = "目录（由EEP元数据生成）.xlsx";

    private static readonly string[] Headers = ["档号", "全宗号", "年度", "保管期限", "机构(问题)", "件号", "责任者", "文号", "题名", "日期", "页数", "密级", "备注", "文件"];
    private static readonly double[] Widths = [26, 8, 6, 8, 10, 6, 20, 22, 48, 10, 6, 6, 20, 40];

    public static bool IsEepName(string path) => path.EndsWith(".eep", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the file is XML whose root element is 电子文件封装包 (read from its first 64 KB, DTDs refused).</summary>
    public static bool LooksLikeEep(string path)
    {
        var head = new byte[64 * 1024];
        int length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(head, 0, length), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == EepReader.RootElement;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>
    /// Decodes the staged EEPs (<paramref name="eeps"/>, deleted afterwards) into content files and writes the catalogue.
    /// Null, with the problems recorded, when any EEP is malformed or hostile.
    /// </summary>
    public static async Task<ExpandedEeps?> ExpandAsync(string stagingDir, IReadOnlyList<StagedFile> eeps, bool single, PackageLimits limits, PackageProblems problems, CancellationToken cancellationToken)
    {
        var number = 0;
        string NextKey() => PackageReader.FilesFolder + "/e" + (++number).ToString("D6", CultureInfo.InvariantCulture);
        var records = new List<EepRecord>(eeps.Count);
        foreach (var eep in eeps)
        {
            var path = Path.Combine(stagingDir, eep.StagingKey);
            var record = await Task.Run(() => EepReader.Read(path, eep.OriginalPath, stagingDir, NextKey, limits, problems, cancellationToken), cancellationToken);
            File.Delete(path);
            if (record is not null)
            {
                records.Add(record);
            }
        }

        if (problems.Any)
        {
            return null;
        }

        var files = new List<StagedFile>();
        var warnings = new List<string>();
        var catalogue = Path.Combine(stagingDir, PackageReader.CatalogueKey);
        await using (var output = new FileStream(catalogue, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await using var writer = await XlsxWriter.CreateAsync(output, "移交目录", Headers, Widths, cancellationToken);
            foreach (var record in records)
            {
                var prefix = single ? "" : Stem(record.Source) + "/";
                var names = record.Files.Select(f => prefix + f.Name).ToList();
                var cells = Headers.Select(h => h == "文件" ? string.Join(';', names) : record.Cells.GetValueOrDefault(h, "")).ToList();
                await writer.WriteRowAsync(cells, cancellationToken);
                files.AddRange(record.Files.Select((f, i) => new StagedFile
                {
                    OriginalPath = names[i],
                    PathKey = PackagePaths.Key(names[i]),
                    StagingKey = f.StagingKey,
                    Length = f.Length,
                }));
                if (record.Signed)
                {
                    warnings.Add($"EEP“{record.Source}”带有电子签名块：DA/T 48 签名的验证尚未实现，此项未检测");
                }

                if (record.OtherVersion is { } version)
                {
                    warnings.Add($"EEP“{record.Source}”的版本为“{version}”，按 DA/T 48-2009 读取");
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var all = records.SelectMany(r => r.Files).ToList();
        var declaration = new PackageDeclaration
        {
            FileCount = all.Count,
            TotalBytes = all.All(f => f.DeclaredLength is not null) ? all.Sum(f => f.DeclaredLength!.Value) : null,
            ItemCount = records.Count,
            Source = "EEP 电子属性（计算机文件大小）",
        };
        var catalogueFile = new StagedFile
        {
            OriginalPath = CatalogueName,
            PathKey = PackagePaths.Key(CatalogueName),
            StagingKey = PackageReader.CatalogueKey,
            Length = new FileInfo(catalogue).Length,
        };
        return new ExpandedEeps(catalogueFile, files, declaration, warnings);
    }

    private static string Stem(string source) => IsEepName(source) ? source[..^4] : source;
}
