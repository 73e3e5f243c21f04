using System.Globalization;
using Lantai.Common;

namespace Lantai.Transfer.Packages;

/// <summary>
/// The reasons a package is refused, each naming its entry (Error.Field = the entry's path, as received). The first
/// few hundred are listed, the rest counted, so a package of 200,000 bad names gives a readable answer.
/// </summary>
internal sealed class PackageProblems
{
    private const int MaxListed = 200;

    private readonly List<Error> _errors = [];
    private int _unlisted;

    public bool Any => _errors.Count > 0;

    /// <summary>A problem of one entry: "条目“path”：reason".</summary>
    public void Entry(string code, string path, string reason) =>
        Add(new Error("package." + code, $"条目“{PackagePaths.Display(path)}”：{reason}", path));

    /// <summary>A problem of the package as a whole.</summary>
    public void Package(string code, string reason, string? field = null) => Add(new Error("package." + code, reason, field));

    public IReadOnlyList<Error> ToErrors()
    {
        if (_unlisted == 0)
        {
            return _errors;
        }

        return [.. _errors, new Error("package.more", string.Create(CultureInfo.InvariantCulture, $"另有{_unlisted}个问题未列出"))];
    }

    private void Add(Error error)
    {
        if (_errors.Count < MaxListed)
        {
            _errors.Add(error);
        }
        else
        {
            _unlisted++;
        }
    }
}
