using System.Globalization;
using System.Text;

namespace Lantai.Transfer.Packages;

/// <summary>
/// One BagIt manifest (RFC 8493 §2.1.3, §2.2.1): "checksum path" lines, paths relative to the bag and percent-encoded
/// for CR, LF and '%'. A path that is absolute or leaves the bag refuses the bag, like a zip-slip entry.
/// </summary>
internal sealed class BagItManifest
{
    private BagItManifest(string fileName, string algorithm, Dictionary<string, (string Path, string Digest)> lines)
    {
        FileName = fileName;
        Algorithm = algorithm;
        Lines = lines;
    }

    /// <summary>"manifest-sha256.txt".</summary>
    public string FileName { get; }

    /// <summary>Lower-case algorithm name from the file name: md5, sha1, sha256, sha512, sm3 …</summary>
    public string Algorithm { get; }

    /// <summary>Path key (NFC, relative to the bag) → the path as written and its lower-case hex digest.</summary>
    public IReadOnlyDictionary<string, (string Path, string Digest)> Lines { get; }

    /// <summary>The algorithm of a manifest or tag-manifest file name, or null when the name is neither.</summary>
    public static string? AlgorithmOf(string fileName, string prefix)
    {
        return fileName.StartsWith(prefix, StringComparison.Ordinal) && fileName.EndsWith(".txt", StringComparison.Ordinal) && fileName.Length > prefix.Length + 4
            ? fileName[prefix.Length..^4].ToLowerInvariant()
            : null;
    }

    public static BagItManifest Parse(string fileName, string algorithm, byte[] content, PackageLimits limits, PackageProblems problems)
    {
        var lines = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var text = new UTF8Encoding(false, false).GetString(content).TrimStart('\uFEFF');
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var split = line.IndexOfAny([' ', '\t']);
            if (split <= 0)
            {
                problems.Package("bagit", string.Create(CultureInfo.InvariantCulture, $"BagIt 清单“{fileName}”第{number}行格式无效（应为“校验值 路径”）"), fileName);
                continue;
            }

            var digest = line[..split].ToLowerInvariant();
            var path = Decode(line[split..].TrimStart(' ', '\t'));
            if (PackagePaths.Problem(path, limits) is { } problem)
            {
                problems.Entry("manifest-path", path, $"BagIt 清单“{fileName}”中的路径无效：{problem}");
                continue;
            }

            lines[PackagePaths.Key(path)] = (path, digest);
        }

        return new BagItManifest(fileName, algorithm, lines);
    }

    /// <summary>RFC 8493 §2.1.3: only %0A, %0D and %25 are encoded.</summary>
    private static string Decode(string path) =>
        path.Contains('%', StringComparison.Ordinal)
            ? path.Replace("%0A", "\n", StringComparison.OrdinalIgnoreCase).Replace("%0D", "\r", StringComparison.OrdinalIgnoreCase).Replace("%25", "%", StringComparison.Ordinal)
            : path;
}
