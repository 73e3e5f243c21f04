using System.IO.Compression;

namespace Lantai.Preservation;

/// <summary>
/// Streams an AIP folder as a .zip for download: entries under one top folder (the bag's name), so unzipping gives the
/// bag as it is on disk. Content files are stored, not deflated (PDF, JPEG, OFD and video are compressed already, and the
/// download then runs at the speed of the disk); tag and metadata files are deflated.
/// </summary>
public static class AipExporter
{
    public static async Task WriteZipAsync(string aipDirectory, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var root = Path.GetFullPath(aipDirectory);
        var top = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar));
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            var level = relative.StartsWith(AipWriter.ContentFolder, StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
            var entry = zip.CreateEntry(top + "/" + relative, level);
            entry.LastWriteTime = File.GetLastWriteTime(file);
            await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using var target = await entry.OpenAsync(cancellationToken);
            await input.CopyToAsync(target, 1 << 20, cancellationToken);
        }
    }
}
