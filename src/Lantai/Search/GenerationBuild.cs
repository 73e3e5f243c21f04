namespace Lantai.Search;

/// <summary>
/// Marks a generation folder as being built: index/&lt;generation&gt;.building, held open exclusively (flock) by the
/// building process while it lives, so <see cref="SearchIndex.DeleteStaleGenerations"/> in any process leaves it alone;
/// a build killed with the process leaves an unlocked marker, and its folder is deleted as stale.
/// </summary>
internal sealed class GenerationBuild : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _path;

    private GenerationBuild(string path, FileStream @lock)
    {
        _path = path;
        _lock = @lock;
    }

    public static GenerationBuild Begin(string root, string generation)
    {
        Directory.CreateDirectory(root);
        var path = MarkerPath(root, generation);
        return new GenerationBuild(path, new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None));
    }

    public static bool IsBuilding(string root, string generation)
    {
        var path = MarkerPath(root, generation);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
            }

            File.Delete(path); // its builder is gone
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static string MarkerPath(string root, string generation) => Path.Combine(root, generation + ".building");

    public void Dispose()
    {
        _lock.Dispose();
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
        }
    }
}
