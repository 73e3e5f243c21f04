using System.Globalization;
using Lantai.Common;
using Lantai.Security;

namespace Lantai.Transfer.Packages;

/// <summary>
/// Opens a transfer package (folder, .zip, BagIt bag as folder or zip, DA/T 48 EEPs: <see cref="EepPackage"/>), refuses a
/// hostile or broken one before extracting anything, and stages its files under safe names.
/// </summary>
public static class PackageReader
{
    /// <summary>Folder of the staged content files, under the staging folder.</summary>
    public const string FilesFolder = "files";

    /// <summary>Staging key of the catalogue file.</summary>
    public const string CatalogueKey = "catalogue";

    /// <summary>
    /// Stages the package at <paramref name="path"/> into <paramref name="stagingDir"/> (created; it must not exist or be
    /// empty; deleted on refusal). A refusal returns every problem found, each naming the entry (Error.Field = the
    /// entry's path as received). Everything decided from the listing (paths, links, sizes, counts, ratios, encryption,
    /// names that collide) is decided before any byte is extracted; what only extraction shows (data longer or shorter
    /// than declared, CRC mismatch, corrupt deflate data) refuses the package then, and the staging folder is deleted.
    /// </summary>
    public static async Task<Result<StagedPackage>> StageAsync(string path, string stagingDir, PackageLimits limits, IProgress<long>? bytesStaged, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(stagingDir);
        ArgumentNullException.ThrowIfNull(limits);
        if (Directory.Exists(stagingDir) && Directory.EnumerateFileSystemEntries(stagingDir).Any())
        {
            throw new ArgumentException("The staging folder must not exist or be empty: " + stagingDir, nameof(stagingDir));
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var name = Path.GetFileName(full);
        var problems = new PackageProblems();
        if (Directory.Exists(full))
        {
            using var folder = new FolderPackage(full);
            var entries = folder.List(limits, problems, cancellationToken);
            return await StageAsync(folder, PackageKind.Folder, name, entries, null, null, stagingDir, limits, problems, bytesStaged, cancellationToken);
        }

        if (!File.Exists(full))
        {
            return Error.NotFound($"移交包“{name}”");
        }

        if (!await ZipPackage.LooksLikeZipAsync(full, cancellationToken))
        {
            return EepPackage.LooksLikeEep(full)
                ? await StageEepAsync(full, name, stagingDir, limits, problems, cancellationToken)
                : new Error("package.not-zip", $"“{name}”不是 zip 文件，也不是文件夹：移交包应为文件夹、zip 文件、BagIt 包或 EEP（DA/T 48）", name);
        }

        using var zip = ZipPackage.Open(full);
        var zipEntries = await zip.ListAsync(name, limits, problems, cancellationToken);
        return await StageAsync(zip, PackageKind.Zip, name, zipEntries, zip.Length, full, stagingDir, limits, problems, bytesStaged, cancellationToken);
    }

    private static async Task<Result<StagedPackage>> StageAsync(
        IPackageSource source,
        PackageKind kind,
        string name,
        List<PackageEntry>? entries,
        long? zipLength,
        string? zipPath,
        string stagingDir,
        PackageLimits limits,
        PackageProblems problems,
        IProgress<long>? bytesStaged,
        CancellationToken cancellationToken)
    {
        if (entries is null || problems.Any)
        {
            return Refuse(problems, stagingDir);
        }

        PackageChecks.Check(entries, limits, zipLength, name, problems);
        if (problems.Any)
        {
            return Refuse(problems, stagingDir);
        }

        var layout = PackageLayout.Find(entries);
        var warnings = new List<string>(layout.Warnings);
        var eeps = layout.Catalogue is null && !layout.IsBag && layout.Content.Count > 0 && layout.Content.All(c => EepPackage.IsEepName(c.Path));
        BagItBag? bag = null;
        if (layout.IsBag)
        {
            kind = PackageKind.BagIt;
            bag = await BagItBag.ReadAsync(layout.TagFiles, e => ReadSmallAsync(source, e, problems, cancellationToken), layout.PayloadKeys, limits, problems);
            warnings.AddRange(bag.Warnings);
        }

        if (layout.Content.Count == 0 && layout.Catalogue is null)
        {
            problems.Package("empty", layout.IsBag ? $"BagIt 包“{name}”的 data/ 中没有任何文件" : $"包“{name}”是空的：没有任何文件", name);
        }

        if (layout.Catalogue is null && layout.Content.Count > 0 && !eeps)
        {
            warnings.Add(layout.IsBag
                ? "BagIt 包的 data/ 中没有目录文件（目录.xlsx、目录.csv、catalogue.xlsx 或 catalogue.csv）"
                : "包中没有目录文件（目录.xlsx、目录.csv、catalogue.xlsx 或 catalogue.csv）");
        }

        var needed = layout.Content.Sum(c => c.Entry.Length) + (layout.Catalogue?.Entry.Length ?? 0);
        var free = FreeSpace(stagingDir);
        if (free is { } available && needed > available)
        {
            problems.Package("disk", $"暂存空间不足：包解压后需要{PackageChecks.Bytes(needed)}，可用{PackageChecks.Bytes(available)}", name);
        }

        if (problems.Any)
        {
            return Refuse(problems, stagingDir);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var digest = zipPath is null ? null : Task.Run(() => HashFileAsync(zipPath, stop.Token), stop.Token);
        try
        {
            var (catalogue, files) = await Task.Run(() => Extract(source, layout, bag, stagingDir, problems, bytesStaged, cancellationToken), cancellationToken);
            var declaration = bag?.Oxum;
            if (eeps && !problems.Any && await EepPackage.ExpandAsync(stagingDir, files, single: false, limits, problems, cancellationToken) is { } expanded)
            {
                (kind, catalogue, files, declaration) = (PackageKind.Eep, expanded.Catalogue, [.. expanded.Files], expanded.Declaration);
                warnings.AddRange(expanded.Warnings);
            }

            if (problems.Any)
            {
                return Refuse(problems, stagingDir);
            }

            var sm3 = digest is null ? null : Convert.ToHexStringLower(await digest);
            return new StagedPackage
            {
                Kind = kind,
                Name = name,
                PackageSm3 = sm3,
                Files = files,
                Catalogue = catalogue,
                Declaration = declaration,
                TransferringUnit = bag?.SourceOrganization,
                Warnings = warnings,
            };
        }
        catch
        {
            DeleteQuietly(stagingDir);
            throw;
        }
        finally
        {
            await stop.CancelAsync();
            if (digest is not null)
            {
                try
                {
                    await digest;
                }
                catch (OperationCanceledException)
                {
                    // Not needed once the package is refused.
                }
            }
        }
    }

    /// <summary>Extracts the catalogue and the content files in order, stopping at the first entry that fails.</summary>
    private static (StagedFile? Catalogue, List<StagedFile> Files) Extract(
        IPackageSource source,
        PackageLayout layout,
        BagItBag? bag,
        string stagingDir,
        PackageProblems problems,
        IProgress<long>? bytesStaged,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(stagingDir, FilesFolder));
        long staged = 0;
        void Copied(int count)
        {
            staged += count;
            bytesStaged?.Report(staged);
        }

        StagedFile? catalogue = null;
        if (layout.Catalogue is { } c)
        {
            catalogue = StageFile(source, c.Entry, c.Path, CatalogueKey, bag?.Digests.GetValueOrDefault(PackagePaths.Key(c.Path)), stagingDir, problems, Copied, cancellationToken);
        }

        var files = new List<StagedFile>(layout.Content.Count);
        var number = 0;
        foreach (var (entry, relative) in layout.Content)
        {
            if (problems.Any)
            {
                break;
            }

            number++;
            var key = FilesFolder + "/" + number.ToString("D6", CultureInfo.InvariantCulture);
            var declared = bag?.Digests.GetValueOrDefault(PackagePaths.Key(relative));
            if (StageFile(source, entry, relative, key, declared, stagingDir, problems, Copied, cancellationToken) is { } file)
            {
                files.Add(file);
            }
        }

        return (catalogue, files);
    }

    private static StagedFile? StageFile(
        IPackageSource source,
        PackageEntry entry,
        string relative,
        string key,
        IReadOnlyDictionary<string, string>? declared,
        string stagingDir,
        PackageProblems problems,
        Action<int> copied,
        CancellationToken cancellationToken)
    {
        string? error;
        var target = Path.Combine(stagingDir, key);
        using (var destination = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            error = source.Copy(entry, destination, copied, cancellationToken);
        }

        if (error is not null)
        {
            problems.Entry("corrupt", entry.Path, error);
            return null;
        }

        return new StagedFile
        {
            OriginalPath = relative,
            PathKey = PackagePaths.Key(relative),
            StagingKey = key,
            Length = entry.Length,
            DeclaredDigests = declared ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>A single EEP file: copied into staging (its size checked first), then decoded like a set of one.</summary>
    private static async Task<Result<StagedPackage>> StageEepAsync(string path, string name, string stagingDir, PackageLimits limits, PackageProblems problems, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (length > limits.MaxFileBytes)
        {
            problems.Entry("file-size", name, $"大小{PackageChecks.Bytes(length)}超过单个文件上限{PackageChecks.Bytes(limits.MaxFileBytes)}");
        }
        else if (FreeSpace(stagingDir) is { } available && length * 2 > available)
        {
            problems.Package("disk", $"暂存空间不足：EEP 解码后约需{PackageChecks.Bytes(length)}，可用{PackageChecks.Bytes(available)}", name);
        }

        if (problems.Any)
        {
            return Refuse(problems, stagingDir);
        }

        try
        {
            Directory.CreateDirectory(Path.Combine(stagingDir, FilesFolder));
            var key = FilesFolder + "/000001";
            File.Copy(path, Path.Combine(stagingDir, key));
            var eep = new StagedFile { OriginalPath = name, PathKey = PackagePaths.Key(name), StagingKey = key, Length = length };
            var sm3 = HashFileAsync(path, cancellationToken);
            var expanded = await EepPackage.ExpandAsync(stagingDir, [eep], single: true, limits, problems, cancellationToken);
            var digest = await sm3; // awaited on every path: no read of the package left running behind a refusal
            if (expanded is null)
            {
                return Refuse(problems, stagingDir);
            }

            return new StagedPackage
            {
                Kind = PackageKind.Eep,
                Name = name,
                PackageSm3 = Convert.ToHexStringLower(digest),
                Files = expanded.Files,
                Catalogue = expanded.Catalogue,
                Declaration = expanded.Declaration,
                Warnings = expanded.Warnings,
            };
        }
        catch
        {
            DeleteQuietly(stagingDir);
            throw;
        }
    }

    private static Task<byte[]?> ReadSmallAsync(IPackageSource source, PackageEntry entry, PackageProblems problems, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)Math.Min(entry.Length, 1 << 20));
        if (source.Copy(entry, buffer, _ => { }, cancellationToken) is { } error)
        {
            problems.Entry("corrupt", entry.Path, error);
            return Task.FromResult<byte[]?>(null);
        }

        return Task.FromResult<byte[]?>(buffer.ToArray());
    }

    private static async Task<byte[]> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return await Sm3.HashAsync(stream, cancellationToken);
    }

    private static Result<StagedPackage> Refuse(PackageProblems problems, string stagingDir)
    {
        DeleteQuietly(stagingDir);
        return Result<StagedPackage>.Fail(problems.ToErrors());
    }

    private static void DeleteQuietly(string stagingDir)
    {
        try
        {
            if (Directory.Exists(stagingDir))
            {
                Directory.Delete(stagingDir, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the transfer's cleanup; the caller does not use a refused package's folder.
        }
    }

    private static long? FreeSpace(string stagingDir)
    {
        try
        {
            var dir = new DirectoryInfo(Path.GetFullPath(stagingDir));
            while (dir is not null && !dir.Exists)
            {
                dir = dir.Parent;
            }

            return dir is null ? null : new DriveInfo(dir.FullName).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
