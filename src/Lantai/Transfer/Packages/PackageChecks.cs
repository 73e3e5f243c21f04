using System.Globalization;

namespace Lantai.Transfer.Packages;

/// <summary>
/// The refusals decided from a package's listing alone (zip central directory or folder listing), before any byte is
/// extracted: unsafe paths, links, encryption, unsupported compression, sizes, counts, compression ratios, names
/// that collide once case or Unicode normalisation is ignored, an empty package.
/// </summary>
internal static class PackageChecks
{
    /// <summary>Compression methods extraction supports (those of ZipArchive): stored, deflate, deflate64.</summary>
    private static readonly HashSet<int> Methods = [0, 8, 9];

    /// <param name="zipLength">The zip's size, for the whole-zip ratio; null for a folder.</param>
    public static void Check(IReadOnlyList<PackageEntry> entries, PackageLimits limits, long? zipLength, string packageName, PackageProblems problems)
    {
        if (entries.Count > limits.MaxEntries)
        {
            problems.Package("entries", string.Create(CultureInfo.InvariantCulture, $"包“{packageName}”有{entries.Count}个条目，超过上限{limits.MaxEntries}个"), packageName);
            return;
        }

        long total = 0;
        var files = 0;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (PackagePaths.Problem(e.Path, limits) is { } pathProblem)
            {
                problems.Entry("path", e.Path, pathProblem);
                continue;
            }

            if (e.IsLink)
            {
                problems.Entry("link", e.Path, "是符号链接：包中只接受文件本身，不接受链接");
                continue;
            }

            if (e.IsSpecial)
            {
                problems.Entry("special", e.Path, "是设备文件、管道或套接字，不是普通文件");
                continue;
            }

            if (e.IsDirectory)
            {
                continue;
            }

            files++;
            total = e.Length > long.MaxValue - total ? long.MaxValue : total + e.Length;
            if (e.IsEncrypted)
            {
                problems.Entry("encrypted", e.Path, "已加密：不接受加密的条目，请解密后重新打包");
            }
            else if (e.Method >= 0 && !Methods.Contains(e.Method))
            {
                problems.Entry("method", e.Path, string.Create(CultureInfo.InvariantCulture, $"使用了不支持的压缩方式（{e.Method}），请用标准 zip（Deflate）重新打包"));
            }

            if (e.Length > limits.MaxFileBytes)
            {
                problems.Entry("file-size", e.Path, $"声明的大小{Bytes(e.Length)}超过单个文件上限{Bytes(limits.MaxFileBytes)}");
            }
            else if (e.CompressedLength >= 0 && e.Length > limits.RatioCheckMinBytes && e.Length / Math.Max(1, e.CompressedLength) >= limits.MaxCompressionRatio)
            {
                problems.Entry("ratio", e.Path, string.Create(CultureInfo.InvariantCulture,
                    $"压缩比约为{e.Length / Math.Max(1, e.CompressedLength)}:1（解压后{Bytes(e.Length)}），超过上限{limits.MaxCompressionRatio}:1，疑似 zip 炸弹"));
            }

            var folded = PackagePaths.FoldedKey(e.Path);
            if (seen.TryGetValue(folded, out var first))
            {
                problems.Entry("duplicate", e.Path, string.Equals(first, e.Path, StringComparison.Ordinal)
                    ? "在包中出现了两次"
                    : $"与条目“{PackagePaths.Display(first)}”只差大小写或 Unicode 规范化形式（在 Windows 或 macOS 上会互相覆盖）");
            }
            else
            {
                seen[folded] = e.Path;
            }
        }

        if (files == 0 && !problems.Any)
        {
            problems.Package("empty", $"包“{packageName}”是空的：没有任何文件", packageName);
        }

        if (total > limits.MaxTotalBytes)
        {
            problems.Package("total-size", $"包“{packageName}”声明解压后共{Bytes(total)}，超过上限{Bytes(limits.MaxTotalBytes)}", packageName);
        }
        else if (zipLength is { } zipBytes && total > limits.RatioCheckMinBytes && total / Math.Max(1, zipBytes) >= limits.MaxCompressionRatio)
        {
            problems.Package("ratio", string.Create(CultureInfo.InvariantCulture,
                $"zip 文件“{packageName}”声明解压后共{Bytes(total)}，是压缩包大小的{total / Math.Max(1, zipBytes)}倍（上限{limits.MaxCompressionRatio}倍），疑似 zip 炸弹"), packageName);
        }
    }

    /// <summary>A size for people: "1.5 GB", "320 KB".</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }
}
