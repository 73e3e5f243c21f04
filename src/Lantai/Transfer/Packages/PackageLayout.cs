namespace Lantai.Transfer.Packages;

/// <summary>
/// Where things are in a listed package: its root (the package itself, or its one top folder, as zips made by
/// right-clicking a folder have), whether it is a BagIt bag (payload under data/), the content files with their paths
/// relative to the content root, the catalogue file, and a bag's tag files.
/// </summary>
internal sealed class PackageLayout
{
    /// <summary>Catalogue names in order of preference, at the content root.</summary>
    private static readonly string[] CatalogueNames = ["目录.xlsx", "目录.csv", "catalogue.xlsx", "catalogue.csv"];

    private const string MacResourceFolder = "__MACOSX/";

    public bool IsBag { get; private init; }

    public required List<(PackageEntry Entry, string Path)> Content { get; init; }

    public (PackageEntry Entry, string Path)? Catalogue { get; private init; }

    /// <summary>A bag's tag files, by path relative to the bag.</summary>
    public Dictionary<string, PackageEntry> TagFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>A bag's payload files, path keys relative to the bag (data/…).</summary>
    public HashSet<string> PayloadKeys { get; } = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    public static PackageLayout Find(IReadOnlyList<PackageEntry> entries)
    {
        var warnings = new List<string>();
        var files = entries.Where(e => !e.IsDirectory).ToList();
        var mac = files.RemoveAll(e => e.Path.StartsWith(MacResourceFolder, StringComparison.Ordinal));
        if (mac > 0)
        {
            warnings.Add($"已忽略 macOS 压缩时附带的 {MacResourceFolder} 文件夹（{mac}个资源文件）");
        }

        var root = CommonTopFolder(files);
        var bagRoot = files.Any(f => f.Path == root + BagItBag.Declaration) ? root : null;
        var contentRoot = bagRoot is null ? root : bagRoot + BagItBag.PayloadFolder;

        var content = new List<(PackageEntry, string)>(files.Count);
        List<(PackageEntry, string)> tags = [];
        foreach (var file in files)
        {
            if (file.Path.StartsWith(contentRoot, StringComparison.Ordinal))
            {
                content.Add((file, file.Path[contentRoot.Length..]));
            }
            else
            {
                tags.Add((file, file.Path[(bagRoot ?? "").Length..]));
            }
        }

        (PackageEntry, string)? catalogue = null;
        var candidates = content
            .Where(c => !c.Item2.Contains('/', StringComparison.Ordinal))
            .Select(c => (c, Rank: Array.FindIndex(CatalogueNames, n => string.Equals(n, c.Item2, StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.Rank >= 0)
            .OrderBy(x => x.Rank)
            .ToList();
        if (candidates.Count > 0)
        {
            catalogue = candidates[0].c;
            content.Remove(candidates[0].c);
            if (candidates.Count > 1)
            {
                warnings.Add($"包中有{candidates.Count}个目录文件，使用“{candidates[0].c.Item2}”，其余（{string.Join("、", candidates.Skip(1).Select(x => x.c.Item2))}）作为普通文件");
            }
        }

        var layout = new PackageLayout { IsBag = bagRoot is not null, Content = content, Catalogue = catalogue };
        layout.Warnings.AddRange(warnings);
        if (layout.IsBag)
        {
            foreach (var (entry, path) in tags)
            {
                layout.TagFiles[path] = entry;
            }

            foreach (var (entry, _) in content)
            {
                layout.PayloadKeys.Add(PackagePaths.Key(entry.Path[bagRoot!.Length..]));
            }

            if (catalogue is { } c)
            {
                layout.PayloadKeys.Add(PackagePaths.Key(c.Item1.Path[bagRoot!.Length..]));
            }
        }

        return layout;
    }

    /// <summary>"top/" when every file lies in one top folder that holds the catalogue or bagit.txt, else "".</summary>
    private static string CommonTopFolder(List<PackageEntry> files)
    {
        string? top = null;
        foreach (var file in files)
        {
            var slash = file.Path.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                return "";
            }

            var first = file.Path[..(slash + 1)];
            if (top is null)
            {
                top = first;
            }
            else if (!string.Equals(top, first, StringComparison.Ordinal))
            {
                return "";
            }
        }

        // Only a folder that holds the catalogue or a bag declaration is the package's root: a package of one
        // folder of scans keeps its paths as they are.
        return top is not null && files.Any(f => f.Path.Length > top.Length && !f.Path.AsSpan(top.Length).Contains('/')
            && (f.Path[top.Length..] == BagItBag.Declaration || CatalogueNames.Contains(f.Path[top.Length..], StringComparer.OrdinalIgnoreCase)))
            ? top
            : "";
    }
}
