using System.Text.RegularExpressions;
using Lantai.Data;

namespace Lantai.Catalogue.Import;

/// <summary>
/// Keeps uploaded catalogue files in <c>{DataDir}/staging/imports/{id}/</c> so the web page can preview in one request
/// and commit in the next (the file is read again, never held in memory). The id is random and is the only handle:
/// anything that is not a well-formed id is refused before it reaches the file system.
/// </summary>
public sealed partial class ImportStaging(DatabaseOptions options)
{
    public string Root { get; } = Path.Combine(options?.DataDir ?? throw new ArgumentNullException(nameof(options)), "staging", "imports");

    public async Task<StagedUpload> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = Guid.NewGuid().ToString("N");
        var name = SafeName(fileName);
        var directory = Path.Combine(Root, id);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        return new StagedUpload(id, name, new FileInfo(path).Length, path);
    }

    /// <summary>The staged upload with this id, or null when there is none (or the id is not one).</summary>
    public StagedUpload? Find(string id)
    {
        if (!IdRegex().IsMatch(id ?? ""))
        {
            return null;
        }

        var directory = Path.Combine(Root, id!);
        var file = Directory.Exists(directory) ? Directory.EnumerateFiles(directory).FirstOrDefault() : null;
        return file is null ? null : new StagedUpload(id!, Path.GetFileName(file), new FileInfo(file).Length, file);
    }

    public void Delete(string id)
    {
        if (IdRegex().IsMatch(id ?? "") && Directory.Exists(Path.Combine(Root, id!)))
        {
            Directory.Delete(Path.Combine(Root, id!), recursive: true);
        }
    }

    /// <summary>Removes uploads older than <paramref name="age"/> (abandoned previews); returns how many.</summary>
    public int DeleteOlderThan(TimeSpan age, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var cutoff = time.GetUtcNow().UtcDateTime - age;
        var removed = 0;
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            if (IdRegex().IsMatch(Path.GetFileName(directory)) && Directory.GetLastWriteTimeUtc(directory) < cutoff)
            {
                Directory.Delete(directory, recursive: true);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>The uploaded name without any directory part or characters file systems refuse; kept readable (Chinese stays).</summary>
    private static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        name = new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]).Trim().TrimStart('.');
        return name.Length == 0 ? "upload" : name.Length > 200 ? name[^200..] : name;
    }

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();
}
