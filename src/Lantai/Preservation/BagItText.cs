using System.Text;

namespace Lantai.Preservation;

/// <summary>Text rules of BagIt (RFC 8493).</summary>
internal static class BagItText
{
    /// <summary>
    /// A file path as a manifest line names it (RFC 8493 §2.1.3): only CR, LF and % are percent-encoded, "%" first so
    /// an encoded name is read back unambiguously.
    /// </summary>
    public static string EncodePath(string path) =>
        path.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>The reverse of <see cref="EncodePath"/>, for readers of bags.</summary>
    public static string DecodePath(string path) =>
        path.Replace("%0D", "\r", StringComparison.OrdinalIgnoreCase)
            .Replace("%0A", "\n", StringComparison.OrdinalIgnoreCase)
            .Replace("%25", "%", StringComparison.Ordinal);

    /// <summary>A bag-info value on one line: line breaks would start a continuation or a new label.</summary>
    public static string InfoValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}
