using System.IO.Compression;

namespace Lantai.Transfer.Packages;

/// <summary>
/// A package that is a zip. Listed with <see cref="ZipCentralDirectory"/>; extracted with ZipArchive (it inflates
/// deflate and deflate64), entry by entry in central-directory order, each held to its declared size and CRC.
/// </summary>
internal sealed class ZipPackage : IPackageSource
{
    private readonly FileStream _file;
    private ZipArchive? _archive;

    private ZipPackage(FileStream file) => _file = file;

    public long Length => _file.Length;

    public static ZipPackage Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.RandomAccess));

    /// <summary>True when the file starts like a zip (a local header, or the end record of an empty zip).</summary>
    public static async Task<bool> LooksLikeZipAsync(string path, CancellationToken cancellationToken)
    {
        var magic = new byte[4];
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        return await file.ReadAtLeastAsync(magic, 4, throwOnEndOfStream: false, cancellationToken) == 4
            && magic[0] == 'P' && magic[1] == 'K' && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
    }

    public Task<List<PackageEntry>?> ListAsync(string zipName, PackageLimits limits, PackageProblems problems, CancellationToken cancellationToken) =>
        ZipCentralDirectory.ReadAsync(_file, zipName, limits, problems, cancellationToken);

    public string? Copy(PackageEntry entry, Stream destination, Action<int> copied, CancellationToken cancellationToken)
    {
        try
        {
            // Names are not used here (ours decode them); the encoding only keeps ZipArchive from guessing.
            _archive ??= new ZipArchive(_file, ZipArchiveMode.Read, leaveOpen: true, ZipEntryNames.LegacyEncoding);
            if (entry.Index >= _archive.Entries.Count)
            {
                return "zip 文件的中央目录已损坏";
            }

            var zipEntry = _archive.Entries[entry.Index];
            if (zipEntry.CompressedLength != entry.CompressedLength || zipEntry.Crc32 != entry.Crc32)
            {
                return "zip 文件的中央目录已损坏（条目信息前后不一致）";
            }

            using var source = zipEntry.Open();
            return PackageCopy.Copy(source, destination, entry.Length, entry.Crc32, copied, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return "数据已损坏，无法解压（" + e.Message + "）";
        }
        catch (NotSupportedException e)
        {
            return "无法解压（" + e.Message + "）";
        }
    }

    public void Dispose()
    {
        _archive?.Dispose();
        _file.Dispose();
    }
}
