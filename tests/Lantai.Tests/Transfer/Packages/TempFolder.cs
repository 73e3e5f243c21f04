namespace Lantai.Tests.Transfer.Packages;

/// <summary>A temporary folder for one test, deleted on dispose; <see cref="Staging"/> is where a package is staged (not created).</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "lantai-tests", "packages-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Staging => Path.Combine(Root, "staging");

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleanup.
        }
    }
}
