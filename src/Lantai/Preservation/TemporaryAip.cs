namespace Lantai.Preservation;

/// <summary>An AIP written on demand outside the AIP folders: <see cref="Path"/> is the bag, <see cref="Folder"/> is deleted after use.</summary>
public sealed record TemporaryAip(string Folder, string Path)
{
    public static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // cache/ may be emptied at any time (DESIGN.md §3)
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
