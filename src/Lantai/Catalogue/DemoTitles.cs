using System.Text;
using System.Text.RegularExpressions;

namespace Lantai.Catalogue;

/// <summary>
/// The title material of the demo archive, taken from the sample catalogue shipped inside the engine
/// (Assets/Demo/catalogue-0426-ws.csv, the 536 records of /work/shared/samples): its work topics ("红色档案征集"),
/// the regulations it issues and forwards ("《档案开放审核工作细则》"), and the titles kept verbatim (traditional
/// Chinese and traditional Mongolian). The demo recombines them with each fonds' own topics, years and doc types.
/// </summary>
internal sealed partial class DemoTitles
{
    public const string ResourceName = "Lantai.Assets.Demo.catalogue-0426-ws.csv";

    private DemoTitles(byte[] source, List<string> topics, List<string> regulations, List<string> verbatim)
    {
        Source = source;
        Topics = topics;
        Regulations = regulations;
        Verbatim = verbatim;
    }

    /// <summary>The sample file's bytes (its SM3 identifies the demo load).</summary>
    public byte[] Source { get; }

    /// <summary>Work topics such as 乌兰牧骑档案整理, in first-seen order.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>Names of regulations and plans, without the 《》.</summary>
    public IReadOnlyList<string> Regulations { get; }

    /// <summary>Titles that fit no pattern (traditional Chinese, Mongolian), used as they are.</summary>
    public IReadOnlyList<string> Verbatim { get; }

    public static DemoTitles Load()
    {
        using var stream = typeof(DemoTitles).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        var titleColumn = Array.IndexOf(header, "题名");
        var topics = new List<string>();
        var regulations = new List<string>();
        var verbatim = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            // The sample has no quoted fields (checked: no '"' in the file), so a plain split is exact.
            var title = line.Split(',')[titleColumn];
            var regulation = RegulationRegex().Match(title);
            var topic = TopicRegex().Match(title);
            if (regulation.Success)
            {
                AddOnce(regulations, regulation.Groups["name"].Value);
            }
            else if (topic.Success)
            {
                AddOnce(topics, topic.Groups["topic"].Value);
            }
            else
            {
                AddOnce(verbatim, title);
            }
        }

        return new DemoTitles(bytes, topics, regulations, verbatim);
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }

    [GeneratedRegex("^关于(?:印发|转发)《(?<name>[^》]+)》的通知$", RegexOptions.CultureInvariant)]
    private static partial Regex RegulationRegex();

    [GeneratedRegex("^(?:关于做好(?<topic>.+)工作的通知|关于开展(?<topic>.+)专项检查的通知|(?<topic>.+)工作会议纪要|关于(?<topic>.+)工作情况的报告|关于(?<topic>.+)工作的批复|关于(?<topic>.+)有关事项的请示)$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicRegex();
}
