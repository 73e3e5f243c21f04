using System.IO.Compression;
using System.Xml;
using Lantai.Preservation.Formats;

namespace Lantai.Search.Content;

/// <summary>
/// The text of an OFD (GB/T 33190-2016) in reading order: OFD.xml → each DocBody's DocRoot (Document.xml) → its
/// pages in order → each page's Content.xml, where every TextObject's TextCode elements hold the characters. Paths
/// are resolved as <see cref="OfdInspector"/> does (absolute "/Doc_0/…", relative to the referring file, backslashes,
/// case differences); the XML is read with <see cref="SafeXml"/> settings and streamed, never built into a tree.
/// </summary>
internal static class OfdText
{
    public static void Read(string path, ContentTextExtractor.CappedText text, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            entries.TryAdd(OfdPaths.Normalize(entry.FullName), entry);
        }

        foreach (var docRoot in Values(entries, "OFD.xml", "DocRoot"))
        {
            var docPath = Resolve(entries, "", docRoot);
            if (docPath is null)
            {
                continue;
            }

            var docDir = OfdPaths.Dir(docPath);
            foreach (var page in PageLocations(entries[docPath]))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Resolve(entries, docDir, page) is { } pagePath)
                {
                    PageText(entries[pagePath], text);
                    text.Append("\n");
                }
            }
        }
    }

    /// <summary>The BaseLoc of every Page under Pages, in document order.</summary>
    private static List<string> PageLocations(ZipArchiveEntry document)
    {
        var pages = new List<string>();
        using var s = document.Open();
        using var reader = XmlReader.Create(s, SafeXml.Settings);
        var inPages = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Pages")
            {
                inPages = true;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "Pages")
            {
                inPages = false;
            }
            else if (inPages && reader.NodeType == XmlNodeType.Element && reader.LocalName == "Page" && reader.GetAttribute("BaseLoc") is { Length: > 0 } loc)
            {
                pages.Add(loc);
            }
        }

        return pages;
    }

    /// <summary>Appends the characters of every TextCode; text objects are separated by a space.</summary>
    private static void PageText(ZipArchiveEntry page, ContentTextExtractor.CappedText text)
    {
        using var s = page.Open();
        using var reader = XmlReader.Create(s, SafeXml.Settings);
        var inCode = false;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "TextCode":
                    inCode = !reader.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "TextCode":
                    inCode = false;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "TextObject":
                    text.Append(" ");
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when inCode:
                    text.Append(reader.Value);
                    break;
            }
        }
    }

    /// <summary>The text of every element with this local name in the entry (OFD.xml's DocRoot elements).</summary>
    private static List<string> Values(Dictionary<string, ZipArchiveEntry> entries, string name, string element)
    {
        var values = new List<string>();
        if (!entries.TryGetValue(name, out var entry))
        {
            return values;
        }

        using var s = entry.Open();
        using var reader = XmlReader.Create(s, SafeXml.Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == element && reader.ReadElementContentAsString().Trim() is { Length: > 0 } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static string? Resolve(Dictionary<string, ZipArchiveEntry> entries, string baseDir, string reference)
    {
        var r = reference.Trim().Replace('\\', '/');
        if (r.Length == 0)
        {
            return null;
        }

        string[] candidates = r.StartsWith('/') ? [OfdPaths.Normalize(r)] : [OfdPaths.Combine(baseDir, r), OfdPaths.Normalize(r)];
        return candidates.FirstOrDefault(entries.ContainsKey);
    }
}
