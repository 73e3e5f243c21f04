namespace Lantai.Tests.Transfer.Packages;

/// <summary>The hostile and friendly packages of tests/Lantai.Tests/Transfer/Corpus (see its README and make-corpus.py).</summary>
internal static class PackageCorpus
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Lantai.Tests", "Transfer", "Corpus");
            if (File.Exists(Path.Combine(candidate, "make-corpus.py")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Transfer corpus not found above " + AppContext.BaseDirectory);
    });

    public static string PathOf(string name) => Path.Combine(Folder.Value, name);
}
