namespace Lantai.Transfer.Packages;

/// <summary>
/// A package that is a folder. Listed without following links (a link is listed, and refused, never entered); each
/// file is copied held to the length the listing saw.
/// </summary>
internal sealed class FolderPackage(string root) : IPackageSource
{
    private readonly string _root = Path.GetFullPath(root);

    public List<PackageEntry> List(PackageLimits limits, PackageProblems problems, CancellationToken cancellationToken)
    {
        var entries = new List<PackageEntry>();
        var pending = new Stack<(DirectoryInfo Dir, string Prefix)>();
        pending.Push((new DirectoryInfo(_root), ""));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (dir, prefix) = pending.Pop();
            foreach (var info in dir.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false }))
            {
                var path = prefix + info.Name;
                var isLink = info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint);
                if (info is DirectoryInfo sub)
                {
                    entries.Add(new PackageEntry { Path = path, IsDirectory = true, IsLink = isLink });
                    if (!isLink && path.Split('/').Length <= limits.MaxPathDepth)
                    {
                        pending.Push((sub, path + "/"));
                    }
                }
                else
                {
                    entries.Add(new PackageEntry { Path = path, Length = isLink ? 0 : ((FileInfo)info).Length, IsLink = isLink });
                }

                if (entries.Count > limits.MaxEntries)
                {
                    problems.Package("entries", $"文件夹“{Path.GetFileName(_root)}”的条目超过上限{limits.MaxEntries}个", Path.GetFileName(_root));
                    return entries;
                }
            }
        }

        return entries;
    }

    public string? Copy(PackageEntry entry, Stream destination, Action<int> copied, CancellationToken cancellationToken)
    {
        var full = Path.Combine(_root, entry.Path);
        if (entry.Length == 0)
        {
            // Nothing to read; and a pipe or device (whose size is 0) is never opened, so it cannot block or stream forever.
            return null;
        }

        try
        {
            using var source = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return PackageCopy.Copy(source, destination, entry.Length, expectedCrc: null, copied, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "无法读取（" + e.Message + "）";
        }
    }

    public void Dispose()
    {
        // Nothing held open between copies.
    }
}
