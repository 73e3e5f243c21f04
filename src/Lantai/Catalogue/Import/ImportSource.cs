namespace Lantai.Catalogue.Import;

/// <summary>
/// A catalogue file to import: its name as the archivist gave it, and a way to open it. An import reads the file more
/// than once (encoding detection, the rows, its SM3 digest), so <see cref="Open"/> must return a fresh stream each call.
/// </summary>
public sealed record ImportSource
{
    public required string FileName { get; init; }

    public required Func<Stream> Open { get; init; }

    public static ImportSource FromFile(string path, string? fileName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        return new ImportSource
        {
            FileName = fileName ?? Path.GetFileName(full),
            Open = () => new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan),
        };
    }

    public static ImportSource FromBytes(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new ImportSource { FileName = fileName, Open = () => new MemoryStream(content, writable: false) };
    }
}
