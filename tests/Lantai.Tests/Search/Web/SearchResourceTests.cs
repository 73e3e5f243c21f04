using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Lantai.Tests.Search.Web;

public sealed partial class SearchResourceTests
{
    [Fact]
    public void EverySearchText_HasAnEnglishTranslation()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Lantai.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var web = Path.Combine(root.FullName, "src", "Lantai.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SearchResource.en.resx")).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.EnumerateFiles(Path.Combine(web, "Pages", "Search"), "*.cshtml")
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "Pages", "Access"), "*.cshtml"))
            .SelectMany(f => KeyRegex().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value));
        string[] linking = ["Shared/_Layout.cshtml", "Index.cshtml", "Account/Login.cshtml"];
        var links = linking
            .SelectMany(f => LinkKeyRegex().Matches(File.ReadAllText(Path.Combine(web, "Pages", f))).Select(m => m.Groups[1].Value));
        // Keys looked up by value: facet names, sort orders, open statuses.
        string[] computed = ["全宗", "门类", "年度", "保管期限", "开放状态", "载体", "密级", "机构(问题)", "相关度", "日期新→旧", "日期旧→新", "档号", "未审", "开放", "控制", "部分开放", "无密级"];

        var used = pages.Concat(links).Concat(computed).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(used.Where(k => !english.Contains(k)).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("T\\[\"([^\"]+)\"")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("S\\[\"([^\"]+)\"")]
    private static partial Regex LinkKeyRegex();
}
