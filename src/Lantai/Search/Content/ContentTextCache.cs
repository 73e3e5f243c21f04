using System.Text;
using Lantai.Data;
using Lantai.Preservation;

namespace Lantai.Search.Content;

/// <summary>
/// The extracted text of stored objects, cached under {DataDir}/cache/text/&lt;sm3[0..2]&gt;/&lt;sm3&gt;.txt (DESIGN.md §3:
/// a derivative, may be deleted at any time; the store stays the source of truth). Objects are immutable (named by
/// their digest), so a cached text never goes stale. Written to a temporary file and renamed, so a reader never sees
/// half a file; not fsynced, because a text lost in a crash is simply extracted again.
/// </summary>
public sealed class ContentTextCache(DatabaseOptions options, ObjectStore store)
{
    /// <summary>The most text kept of one object (and of one record): 1 MiB characters.</summary>
    public const int MaxChars = 1 << 20;

    public string Root { get; } = Path.Combine(options?.DataDir ?? throw new ArgumentNullException(nameof(options)), "cache", "text");

    public string PathOf(string sm3) => Path.Combine(Root, sm3[..2], sm3 + ".txt");

    /// <summary>
    /// The text of the object, from the cache or extracted from the store (then cached); null when the format carries
    /// no text or the object is missing from the store (the fixity audit reports that, not the index).
    /// </summary>
    public string? TextOf(string sm3, string formatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sm3);
        if (!ContentTextExtractor.HasText(formatId))
        {
            return null;
        }

        var cached = PathOf(sm3);
        try
        {
            return File.ReadAllText(cached, Encoding.UTF8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Not extracted yet.
        }

        string text;
        try
        {
            text = ContentTextExtractor.Extract(store.PathOf(sm3), formatId, MaxChars, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        Write(cached, text);
        return text;
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, path, overwrite: true);
        }
        catch (IOException)
        {
            // A full or read-only disk only costs a later extraction.
            File.Delete(temp);
        }
        catch (UnauthorizedAccessException)
        {
            File.Delete(temp);
        }
    }
}
