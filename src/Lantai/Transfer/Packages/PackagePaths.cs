using System.Globalization;
using System.Text;

namespace Lantai.Transfer.Packages;

/// <summary>
/// The rules every path inside a package must pass before anything is extracted: relative, inside the package, no
/// control or direction characters, not too long or deep. Paths are '/' separated as zip and BagIt write them.
/// </summary>
internal static class PackagePaths
{
    /// <summary>The path NFC-normalised: how names are compared (catalogue 文件 column, BagIt manifests).</summary>
    public static string Key(string path) => path.IsNormalized(NormalizationForm.FormC) ? path : path.Normalize(NormalizationForm.FormC);

    /// <summary>The key two names share when a case-insensitive or normalising file system would merge them.</summary>
    public static string FoldedKey(string path) => Key(path).ToUpperInvariant();

    /// <summary>Why the path is unsafe (Chinese), or null when it is fine.</summary>
    public static string? Problem(string path, PackageLimits limits)
    {
        if (path.Length == 0)
        {
            return "名称为空";
        }

        if (FirstForbiddenChar(path) is { } bad)
        {
            return bad == '\uFFFD'
                ? "名称含无法解码的字节（既不是 UTF-8 也不是 GB18030）"
                : string.Create(CultureInfo.InvariantCulture, $"名称含控制字符或方向控制字符（U+{(int)bad:X4}）");
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return "路径含反斜杠“\\”（可被 Windows 当作目录分隔符而越出包外）";
        }

        if (path[0] == '/' || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':'))
        {
            return "路径为绝对路径，越出包外";
        }

        var segments = path.TrimEnd('/').Split('/');
        foreach (var segment in segments)
        {
            if (segment is ".." or ".")
            {
                return "路径越出包外（含“..”或“.”）";
            }

            if (segment.Length == 0)
            {
                return "路径含空的层级（“//”）";
            }

            if (segment.Contains(':', StringComparison.Ordinal))
            {
                return "名称含冒号“:”（Windows 的驱动器号或备用数据流）";
            }
        }

        if (path.Length > limits.MaxPathLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"路径过长（{path.Length}个字符，最多{limits.MaxPathLength}个）");
        }

        if (segments.Length > limits.MaxPathDepth)
        {
            return string.Create(CultureInfo.InvariantCulture, $"路径层级过深（{segments.Length}层，最多{limits.MaxPathDepth}层）");
        }

        return null;
    }

    /// <summary>The path as shown in a message: control characters written as \uXXXX so the message stays readable.</summary>
    public static string Display(string path)
    {
        if (FirstForbiddenChar(path) is null)
        {
            return path;
        }

        var sb = new StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (IsForbidden(c) && c != '\uFFFD')
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static char? FirstForbiddenChar(string path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (IsForbidden(c))
            {
                return c;
            }

            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return '\uFFFD';
            }
        }

        return null;
    }

    /// <summary>
    /// C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides and isolates (they make
    /// "invoice‮fdp.exe" read as a PDF), zero-width space, unpaired surrogates (ZWJ and ZWNJ are allowed: traditional Mongolian
    /// names use them), and U+FFFD (a name that did not decode).
    /// </summary>
    private static bool IsForbidden(char c) =>
        c < '\u0020'
        || c is >= '\u007F' and <= '\u009F'
        || c is '\u2028' or '\u2029' or '\u200B' or '\u200E' or '\u200F' or '\uFEFF' or '\uFFFD'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
