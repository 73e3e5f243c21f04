using System.Text;

namespace Lantai.Preservation.Formats;

/// <summary>
/// Paths inside an OFD package as producers write them: "/Doc_0/…" from the root, or relative to the referring file,
/// with backslashes and "."/".." segments; compared NFC-normalised. Shared by the inspector and the text reader so
/// both resolve a reference to the same entry.
/// </summary>
internal static class OfdPaths
{
    /// <summary>The entry name a reference means when read from <paramref name="dir"/>.</summary>
    public static string Combine(string dir, string reference)
    {
        var r = reference.Trim().Replace('\\', '/');
        return r.StartsWith('/') ? Normalize(r) : Normalize(dir.Length == 0 ? r : dir + "/" + r);
    }

    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts).Normalize(NormalizationForm.FormC);
    }

    public static string Dir(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : "";
}
