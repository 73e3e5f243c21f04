using System.IO.Compression;
using Lantai.Catalogue.Export;

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
        // ZipArchive still writes synchronously when an entry closes; a response body refuses that. Writes collect in a
        // buffer drained asynchronously after every chunk, so memory stays at one chunk even for a 4 GB video.
        var drain = new AsyncDrainStream(output);
        await using (drain)
        {
            await using (var zip = await ZipArchive.CreateAsync(drain, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
            {
                await WriteEntriesAsync(zip, root, top, drain, cancellationToken);
            }

            await drain.DrainAsync(cancellationToken);
        }
    }

    private static async Task WriteEntriesAsync(ZipArchive zip, string root, string top, AsyncDrainStream drain, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            var level = relative.StartsWith(AipWriter.ContentFolder, StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
            var entry = zip.CreateEntry(top + "/" + relative, level);
            entry.LastWriteTime = File.GetLastWriteTime(file);
            await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (var target = await entry.OpenAsync(cancellationToken))
            {
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    await drain.DrainAsync(cancellationToken);
                }
            }

            await drain.DrainAsync(cancellationToken);
        }
    }
}
