using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lantai.Data;
using Lantai.Security;

namespace Lantai.Preservation;

/// <summary>
/// Writes one record's AIP: a BagIt 1.0 bag (RFC 8493) that an archivist can read and verify with no Lantai —
/// data/content/ (the files under their names as received, hard-linked from the store), data/metadata/ (record.xml,
/// record.json, check-report.xml, events.xml), manifest-sha256.txt and manifest-sm3.txt for the payload,
/// tagmanifest-sha256.txt and tagmanifest-sm3.txt for the tag files. The bag is built in a temporary sibling folder and
/// renamed into place, replacing an earlier one, so a resumed ingest rewrites it instead of leaving a half bag.
/// No fsync per file: the ingest that calls this makes its batch durable.
/// </summary>
public sealed class AipWriter(DatabaseOptions options, ObjectStore store, TimeProvider time)
{
    public const string ContentFolder = "data/content/";
    public const string MetadataFolder = "data/metadata/";

    /// <summary>{DataDir}/aips (see <see cref="AipLocation"/>).</summary>
    public string Root { get; } = AipLocation.Root(options?.DataDir ?? throw new ArgumentNullException(nameof(options)));

    /// <summary>Where a file's bytes are, by SM3: the store's object path unless a test points elsewhere.</summary>
    internal Func<string, string> ObjectPath { get; init; } = store is null ? throw new ArgumentNullException(nameof(store)) : store.PathOf;

    /// <summary>Writes the record's AIP at its place under <see cref="Root"/>, replacing an earlier one.</summary>
    public Task<AipWritten> WriteAsync(AipContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return WriteAsync(content, AipLocation.PathOf(options.DataDir, content.Record.Id), cancellationToken);
    }

    public async Task<AipWritten> WriteAsync(AipContent content, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(target);
        target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, name);
        return await WriteInAsync(content, parent, name, cancellationToken);
    }

    /// <summary>
    /// Whether a temporary or replaced bag could not be deleted since the last <see cref="RemoveLeftovers()"/>: the
    /// keeper then sweeps at its next run.
    /// </summary>
    internal bool LeftoversPossible => Volatile.Read(ref _failedDeletes) > 0;

    private int _failedDeletes;

    /// <summary>
    /// The keeper's write, under its lock: the record's AIP at its place under <see cref="Root"/>, without listing the
    /// record's folder for leftovers first — the keeper sweeps them once per run when a run stopped half way
    /// (<see cref="RemoveLeftovers()"/>); at a million records a folder holds ~4,000 names.
    /// </summary>
    internal Task<AipWritten> WriteKeptAsync(AipContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = AipLocation.PathOf(options.DataDir, content.Record.Id);
        return WriteInAsync(content, Path.GetDirectoryName(target)!, Path.GetFileName(target), cancellationToken);
    }

    /// <summary>Temporary or replaced bags left anywhere under <see cref="Root"/> by a process that stopped half way.</summary>
    internal void RemoveLeftovers()
    {
        Interlocked.Exchange(ref _failedDeletes, 0);
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var parent in Directory.EnumerateDirectories(Root))
        {
            foreach (var dir in Directory.EnumerateDirectories(parent, ".*"))
            {
                TryDelete(dir);
            }
        }
    }

    private async Task<AipWritten> WriteInAsync(AipContent content, string parent, string name, CancellationToken cancellationToken)
    {
        var target = Path.Combine(parent, name);
        var temp = Path.Combine(parent, $".{name}.tmp-{Guid.NewGuid():N}");
        try
        {
            BagFiles.CreateFolder(temp);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(parent); // the first bag in this folder (the keeper does not stat it before each bag)
            BagFiles.CreateFolder(temp);
        }

        try
        {
            var written = await WriteBagAsync(content, temp, cancellationToken);
            Replace(temp, target, parent, name);
            return written with { Path = target };
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The payload path of each content file: data/content/ + its name as received, or a safe stand-in.</summary>
    internal static IReadOnlyList<string> ContentNames(IReadOnlyList<RecordFile> files)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>(files.Count);
        foreach (var file in files)
        {
            var name = SafeRelative(file.OriginalName);
            if (name is null || !used.Add(name))
            {
                // A name the file system cannot hold as it is (a "..", an empty segment, a segment over 255 bytes) or a
                // repeat: the file goes under its sequence number; record.xml keeps the name as received beside it.
                name = string.Create(CultureInfo.InvariantCulture, $"{file.Sequence:D4}{SafeExtension(file.OriginalName)}");
                while (!used.Add(name))
                {
                    name = "_" + name;
                }
            }

            names.Add(ContentFolder + name);
        }

        return names;
    }

    private async Task<AipWritten> WriteBagAsync(AipContent content, string bag, CancellationToken cancellationToken)
    {
        var payload = new List<(string Path, string Sha256, string Sm3, long Length)>();
        var files = content.Files.OrderBy(f => f.Sequence).ToList();
        var contentNames = ContentNames(files);
        var entries = new List<AipEntry>(files.Count);
        var linked = 0;
        var data = Path.Combine(bag, "data");
        BagFiles.CreateFolder(data);
        var contentFolder = Path.Combine(data, "content");
        var createdFolders = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = files[i];
            var source = ObjectPath(file.ObjectSm3);
            var destination = Path.Combine(bag, contentNames[i].Replace('/', Path.DirectorySeparatorChar));
            var folder = Path.GetDirectoryName(destination)!;
            if (i == 0)
            {
                BagFiles.CreateFolder(contentFolder);
            }

            if (!string.Equals(folder, contentFolder, StringComparison.Ordinal) && createdFolders.Add(folder))
            {
                CreateContentFolders(contentFolder, folder, createdFolders); // a name with folders, as received
            }

            if (NativeLink.TryCreate(source, destination))
            {
                linked++;
            }
            else
            {
                await CopyAsync(source, destination, cancellationToken);
            }

            var sha256 = content.Sha256?.GetValueOrDefault(file.ObjectSm3) ?? await Sha256Async(destination, cancellationToken);
            entries.Add(new AipEntry(file, contentNames[i], sha256));
            payload.Add((contentNames[i], sha256, file.ObjectSm3, file.Length));
        }

        var metadata = new (string Name, byte[] Bytes)[]
        {
            ("record.xml", AipMetadata.RecordXml(content, entries)),
            ("record.json", AipMetadata.RecordJson(content, entries)),
            ("check-report.xml", AipMetadata.CheckReport(content)),
            ("events.xml", AipMetadata.EventsXml(content)),
        };
        var metadataFolder = Path.Combine(data, "metadata");
        BagFiles.CreateFolder(metadataFolder);
        foreach (var (fileName, bytes) in metadata)
        {
            BagFiles.WriteNew(Path.Combine(metadataFolder, fileName), bytes);
            payload.Add((MetadataFolder + fileName, Hex(SHA256.HashData(bytes)), Sm3.HashHex(bytes), bytes.Length));
        }

        WriteDeclaration(Path.Combine(bag, "bagit.txt"));
        var tags = new List<(string Name, byte[] Bytes)>
        {
            ("bag-info.txt", Utf8(BagInfo(content, payload.Sum(p => p.Length), payload.Count))),
            ("manifest-sha256.txt", Utf8(Manifest(payload.Select(p => (p.Sha256, p.Path))))),
            ("manifest-sm3.txt", Utf8(Manifest(payload.Select(p => (p.Sm3, p.Path))))),
        };
        foreach (var (fileName, bytes) in tags)
        {
            BagFiles.WriteNew(Path.Combine(bag, fileName), bytes);
        }

        tags.Insert(0, ("bagit.txt", Declaration)); // the tag manifests cover it too

        // Small files written synchronously: for a few hundred bytes the async path costs more than the write itself.
        BagFiles.WriteNew(Path.Combine(bag, "tagmanifest-sha256.txt"), Utf8(Manifest(tags.Select(t => (Hex(SHA256.HashData(t.Bytes)), t.Name)))));
        BagFiles.WriteNew(Path.Combine(bag, "tagmanifest-sm3.txt"), Utf8(Manifest(tags.Select(t => (Sm3.HashHex(t.Bytes), t.Name)))));

        return new AipWritten(bag, payload.Count, payload.Sum(p => p.Length), linked);
    }

    /// <summary>bagit.txt, the same in every bag.</summary>
    private static readonly byte[] Declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"u8.ToArray();

    private const int TooManyLinks = 31; // EMLINK: ext4 allows 65,000 names for one file

    private readonly Lock _declarationGate = new();
    private string? _sharedDeclaration;

    /// <summary>
    /// bagit.txt, being the same 54 bytes in every bag, is a hard link to one copy beside the bags ({Root}/.bagit.txt,
    /// written once and fsynced with its folder before the first link): a name in the bag instead of a new inode and a
    /// write (in this virtual machine's ext4 a new inode is the dearest part of a bag). The bag reads the same; as for the
    /// content files, nothing ever writes into a bag's files, and the shared copy is only ever replaced whole (by a
    /// rename), never rewritten. Where a link cannot be made (another file system for a temporary bag, Windows, the
    /// file's 65,000 names used up: then a fresh shared copy is made once) the bag gets its own copy as before.
    /// </summary>
    private void WriteDeclaration(string path)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var shared = SharedDeclaration(renew: attempt > 0);
            if (shared is null)
            {
                break;
            }

            var error = NativeLink.Create(shared, path);
            if (error == 0)
            {
                return;
            }

            if (error != TooManyLinks)
            {
                break;
            }
        }

        BagFiles.WriteNew(path, Declaration);
    }

    /// <summary>The durable shared bagit.txt; null where it cannot be written (the caller writes the bag's own copy).</summary>
    private string? SharedDeclaration(bool renew)
    {
        lock (_declarationGate)
        {
            if (_sharedDeclaration is { } known && !renew)
            {
                return known;
            }

            if (!FileSync.IsAvailable)
            {
                return null;
            }

            var path = Path.Combine(Root, ".bagit.txt");
            try
            {
                if (!renew && File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(Declaration))
                {
                    return _sharedDeclaration = path;
                }

                var temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
                BagFiles.WriteNew(temp, Declaration);
                FileSync.SyncFile(temp);
                File.Move(temp, path, overwrite: true); // a bag linked to the previous copy keeps it
                FileSync.SyncDirectory(Root);
                return _sharedDeclaration = path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null; // no folder for it yet (a bag written before any keeper ran), or not writable: tried again next time
            }
        }
    }

    /// <summary>
    /// Creates <paramref name="folder"/> (below data/content/) and those of its parents not created yet, one mkdir each:
    /// the bag is new, so nothing needs a stat first (Directory.CreateDirectory stats every level).
    /// </summary>
    private static void CreateContentFolders(string contentFolder, string folder, HashSet<string> created)
    {
        var parent = Path.GetDirectoryName(folder)!;
        if (!string.Equals(parent, contentFolder, StringComparison.Ordinal) && created.Add(parent))
        {
            CreateContentFolders(contentFolder, parent, created);
        }

        BagFiles.CreateFolder(folder);
    }

    private string BagInfo(AipContent content, long octets, int streams)
    {
        var lines = new List<string>
        {
            "Source-Organization: " + BagItText.InfoValue(content.ArchiveName is { Length: > 0 } archive ? archive : "兰台"),
            "Bagging-Date: " + time.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"Payload-Oxum: {octets}.{streams}"),
            "External-Identifier: " + BagItText.InfoValue(content.Record.ArchivalCode),
            "External-Description: " + BagItText.InfoValue(content.Record.Title),
            "Internal-Sender-Identifier: " + content.Record.Id,
        };
        if ((content.Transfer?.Id ?? content.TransferId) is { } transferId)
        {
            lines.Add("Bag-Group-Identifier: " + transferId);
        }

        if (content.Transfer?.TransferringUnit is { Length: > 0 } unit)
        {
            lines.Add("Internal-Sender-Description: 移交单位 " + BagItText.InfoValue(unit));
        }

        lines.Add("Bag-Software-Agent: Lantai");
        return string.Join('\n', lines) + "\n";
    }

    private static string Manifest(IEnumerable<(string Digest, string Path)> lines)
    {
        var builder = new StringBuilder();
        foreach (var (digest, path) in lines)
        {
            builder.Append(digest).Append("  ").Append(BagItText.EncodePath(path)).Append('\n');
        }

        return builder.ToString();
    }

    private static string? SafeRelative(string originalName)
    {
        var segments = originalName.Replace('\\', '/').Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Contains('\0', StringComparison.Ordinal)
                || Encoding.UTF8.GetByteCount(segment) > 255)
            {
                return null;
            }
        }

        return string.Join('/', segments);
    }

    private static string SafeExtension(string originalName)
    {
        var extension = Path.GetExtension(originalName.Replace('\\', '/').Split('/')[^1]);
        return extension.Length is > 1 and <= 16 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : "";
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Hex(await SHA256.HashDataAsync(input, cancellationToken));
    }

    private static async Task CopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await input.CopyToAsync(output, 1 << 20, cancellationToken);
    }

    /// <summary>Moves the finished bag into place; an earlier bag is moved aside first and deleted after.</summary>
    private void Replace(string temp, string target, string parent, string name)
    {
        if (FileSync.IsAvailable)
        {
            // The common case, a first bag: one rename(2), no stat first. A bag already there answers ENOTEMPTY (rename(2)
            // never replaces a folder that holds anything), and is then moved aside as below.
            var error = BagFiles.RenameFolder(temp, target);
            if (error == 0)
            {
                return;
            }

            if (error is not (BagFiles.NotEmpty or FileSync.AlreadyExists))
            {
                throw new IOException($"rename({temp}, {target}) failed: errno {error}");
            }
        }

        string? old = null;
        if (Directory.Exists(target))
        {
            old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
            Directory.Move(target, old);
        }

        Directory.Move(temp, target);
        if (old is not null)
        {
            TryDelete(old);
        }
    }

    /// <summary>Temporary or replaced bags left by a process that stopped half way.</summary>
    private void RemoveLeftovers(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            TryDelete(dir);
        }
    }

    private void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next write of the same AIP, or the keeper's next sweep.
            Interlocked.Increment(ref _failedDeletes);
        }
        catch (UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _failedDeletes);
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Hex(byte[] digest) => Convert.ToHexStringLower(digest);
}
