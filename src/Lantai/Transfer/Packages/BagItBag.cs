using System.Globalization;
using System.Text;
using Lantai.Transfer.Checks;

namespace Lantai.Transfer.Packages;

/// <summary>
/// A BagIt bag (RFC 8493) found in a package: bagit.txt at its root, the payload under data/, manifests of the payload
/// (their digests become the files' declared digests; verifying them is a check), bag-info.txt (Payload-Oxum becomes the
/// package's declaration, Source-Organization the transferring unit). Tag files are small and read into memory before
/// any payload byte is extracted.
/// </summary>
internal sealed class BagItBag
{
    public const string Declaration = "bagit.txt";
    public const string PayloadFolder = "data/";

    private readonly List<BagItManifest> _manifests = [];

    public PackageDeclaration? Oxum { get; private set; }

    public string? SourceOrganization { get; private set; }

    public List<string> Warnings { get; } = [];

    /// <summary>Path key relative to the payload folder → algorithm → digest.</summary>
    public Dictionary<string, Dictionary<string, string>> Digests { get; } = new(StringComparer.Ordinal);

    /// <param name="tagFiles">The bag's tag files: path relative to the bag → entry.</param>
    /// <param name="read">Reads a tag file (already held to its declared size).</param>
    /// <param name="payloadKeys">Path keys of the payload files, relative to the bag (data/…).</param>
    public static async Task<BagItBag> ReadAsync(
        IReadOnlyDictionary<string, PackageEntry> tagFiles,
        Func<PackageEntry, Task<byte[]?>> read,
        IReadOnlySet<string> payloadKeys,
        PackageLimits limits,
        PackageProblems problems)
    {
        var bag = new BagItBag();
        foreach (var (path, entry) in tagFiles)
        {
            if (entry.Length > limits.MaxTagFileBytes)
            {
                problems.Entry("bagit", path, $"BagIt 标签文件过大（{PackageChecks.Bytes(entry.Length)}，上限{PackageChecks.Bytes(limits.MaxTagFileBytes)}）");
            }
        }

        if (problems.Any)
        {
            return bag;
        }

        var declaration = await read(tagFiles[Declaration]);
        if (declaration is null)
        {
            return bag;
        }

        var fields = Fields(declaration);
        if (!fields.TryGetValue("BagIt-Version", out var version))
        {
            problems.Entry("bagit", Declaration, "缺少 BagIt-Version，不是有效的 BagIt 声明");
        }
        else if (!version.StartsWith("0.9", StringComparison.Ordinal) && !version.StartsWith("1.", StringComparison.Ordinal))
        {
            bag.Warnings.Add($"BagIt 版本“{version}”未经测试，按 1.0 读取");
        }

        if (fields.TryGetValue("Tag-File-Character-Encoding", out var encoding) && !encoding.Equals("UTF-8", StringComparison.OrdinalIgnoreCase))
        {
            bag.Warnings.Add($"BagIt 标签文件编码为“{encoding}”，按 UTF-8 读取");
        }

        if (tagFiles.TryGetValue("bag-info.txt", out var infoEntry) && await read(infoEntry) is { } info)
        {
            bag.ReadBagInfo(Fields(info));
        }

        if (tagFiles.ContainsKey("fetch.txt"))
        {
            bag.Warnings.Add("包含 fetch.txt：其中列出的文件不会被下载，未随包提供的文件视为缺失");
        }

        foreach (var (path, entry) in tagFiles.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (BagItManifest.AlgorithmOf(path, "manifest-") is { } algorithm && await read(entry) is { } content)
            {
                bag._manifests.Add(BagItManifest.Parse(path, algorithm, content, limits, problems));
            }
            else if (BagItManifest.AlgorithmOf(path, "tagmanifest-") is { } tagAlgorithm && await read(entry) is { } tagContent)
            {
                // Tag manifests are read for their paths (a hostile one is refused like a payload manifest).
                BagItManifest.Parse(path, tagAlgorithm, tagContent, limits, problems);
            }
        }

        if (bag._manifests.Count == 0)
        {
            problems.Entry("bagit", Declaration, "BagIt 包缺少清单文件（manifest-<算法>.txt）");
        }

        bag.Match(payloadKeys, problems);
        return bag;
    }

    private void ReadBagInfo(Dictionary<string, string> info)
    {
        SourceOrganization = info.GetValueOrDefault("Source-Organization");
        if (info.TryGetValue("Payload-Oxum", out var oxum))
        {
            var parts = oxum.Split('.');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var octets)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var streams))
            {
                Oxum = new PackageDeclaration { TotalBytes = octets, FileCount = streams, Source = "bag-info.txt Payload-Oxum" };
            }
            else
            {
                Warnings.Add($"bag-info.txt 的 Payload-Oxum“{oxum}”格式无效（应为“字节数.文件数”）");
            }
        }
    }

    /// <summary>Payload paths in manifests must be under data/; lines naming missing files and unlisted files are warnings (a check reports them).</summary>
    private void Match(IReadOnlySet<string> payloadKeys, PackageProblems problems)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manifest in _manifests)
        {
            var missing = 0;
            string? firstMissing = null;
            foreach (var (key, (path, digest)) in manifest.Lines)
            {
                if (!key.StartsWith(PayloadFolder, StringComparison.Ordinal))
                {
                    problems.Entry("manifest-path", path, $"BagIt 清单“{manifest.FileName}”中的路径不在 data/ 下");
                    continue;
                }

                listed.Add(key);
                if (!payloadKeys.Contains(key))
                {
                    missing++;
                    firstMissing ??= path;
                    continue;
                }

                var payloadKey = key[PayloadFolder.Length..];
                if (!Digests.TryGetValue(payloadKey, out var digests))
                {
                    Digests[payloadKey] = digests = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                digests[manifest.Algorithm] = digest;
            }

            if (missing > 0)
            {
                Warnings.Add(missing == 1
                    ? $"BagIt 清单“{manifest.FileName}”列出的文件“{firstMissing}”不在包中"
                    : string.Create(CultureInfo.InvariantCulture, $"BagIt 清单“{manifest.FileName}”列出的{missing}个文件不在包中（如“{firstMissing}”）"));
            }
        }

        var unlisted = payloadKeys.Where(k => !listed.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unlisted.Count > 0 && _manifests.Count > 0)
        {
            Warnings.Add(unlisted.Count == 1
                ? $"文件“{unlisted[0]}”不在任何 BagIt 清单中"
                : string.Create(CultureInfo.InvariantCulture, $"{unlisted.Count}个文件不在任何 BagIt 清单中（如“{unlisted[0]}”）"));
        }
    }

    /// <summary>"Label: value" lines (RFC 8493 §2.2.2); a line starting with whitespace continues the previous value.</summary>
    private static Dictionary<string, string> Fields(byte[] content)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var raw in new UTF8Encoding(false, false).GetString(content).TrimStart('\uFEFF').Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && last is not null)
            {
                fields[last] += " " + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                last = line[..colon].Trim();
                fields[last] = line[(colon + 1)..].Trim();
            }
        }

        return fields;
    }
}
