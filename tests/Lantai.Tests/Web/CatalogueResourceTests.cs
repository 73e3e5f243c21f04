using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Lantai.Tests.Web;

public sealed partial class CatalogueResourceTests
{
    [Fact]
    public void EveryCatalogueText_HasAnEnglishTranslation()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Lantai.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var web = Path.Combine(root.FullName, "src", "Lantai.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "CatalogueResource.en.resx")).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(Path.Combine(web, "Pages", "Catalogue"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => KeyRegex().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(used.Where(k => !english.Contains(k)).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("T\\[\"([^\"]+)\"")]
    private static partial Regex KeyRegex();
}
