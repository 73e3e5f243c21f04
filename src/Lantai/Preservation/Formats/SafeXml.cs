using System.Xml;
using System.Xml.Linq;

namespace Lantai.Preservation.Formats;

/// <summary>
/// The one way Lantai parses XML from a package: DTDs prohibited and no resolver, so an XML file can neither expand
/// entities (billion laughs) nor reach files or the network (XXE). Every inspector reads XML through here.
/// </summary>
public static class SafeXml
{
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        CloseInput = false,
        // A page's Content.xml is small; a limit catches a hostile multi-gigabyte XML before it exhausts memory.
        MaxCharactersInDocument = 256L * 1024 * 1024,
    };

    public static XDocument Load(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        return XDocument.Load(reader, LoadOptions.None);
    }

    /// <summary>Reads XML to its end without building a tree (well-formedness only).</summary>
    public static void Validate(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        while (reader.Read())
        {
        }
    }
}
