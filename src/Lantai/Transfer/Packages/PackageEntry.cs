namespace Lantai.Transfer.Packages;

/// <summary>
/// One entry of a package as its listing (zip central directory or folder) describes it, before anything is extracted.
/// For a zip the sizes are what the zip declares; extraction holds the entry to them.
/// </summary>
internal sealed record PackageEntry
{
    /// <summary>The path as received, '/' separated, without a directory's trailing '/'.</summary>
    public required string Path { get; init; }

    public bool IsDirectory { get; init; }

    public long Length { get; init; }

    /// <summary>Bytes the entry takes in the zip; -1 in a folder.</summary>
    public long CompressedLength { get; init; } = -1;

    /// <summary>A symbolic link (zip: Unix mode in the external attributes; folder: a link or reparse point).</summary>
    public bool IsLink { get; init; }

    /// <summary>A device, pipe or socket (zip: Unix mode).</summary>
    public bool IsSpecial { get; init; }

    public bool IsEncrypted { get; init; }

    /// <summary>Zip compression method (0 stored, 8 deflate, 9 deflate64); -1 in a folder.</summary>
    public int Method { get; init; } = -1;

    public uint Crc32 { get; init; }

    /// <summary>Position in the zip's central directory (matches ZipArchive.Entries); -1 in a folder.</summary>
    public int Index { get; init; } = -1;

    public long LocalHeaderOffset { get; init; }

    /// <summary>Length of the name as stored in the zip (for the overlap check); 0 in a folder.</summary>
    public int RawNameLength { get; init; }
}
