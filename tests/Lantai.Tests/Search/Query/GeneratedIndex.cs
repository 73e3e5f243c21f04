using System.Globalization;
using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Search;
using Lucene.Net.Index;
using Record = Lantai.Catalogue.Record;

namespace Lantai.Tests.Search.Query;

/// <summary>
/// A real index of 3,000 generated records in a temp folder, written in several commits with some records replaced
/// (so it has several segments and deleted documents), for the slice and facet-sampling tests. Titles draw from a few
/// words, most often 档案, so one query has thousands of hits; fonds, years, classifications and open statuses vary.
/// </summary>
public sealed class GeneratedIndex : IDisposable
{
    public const int Records = 3000;
    private static readonly string[] Words = ["档案", "档案", "档案", "工作", "通知", "会议", "征集", "安全", "检查", "报告", "基建", "数字化"];
    private static readonly string[] Classifications = ["", "", "", "", "", "", "", "内部", "秘密"];
    private static readonly OpenStatus[] Statuses = [OpenStatus.Open, OpenStatus.Open, OpenStatus.PartlyOpen, OpenStatus.Unreviewed, OpenStatus.Controlled];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lantai-tests", "generated-index-" + Guid.NewGuid().ToString("N"));

    public GeneratedIndex()
    {
        Index = new SearchIndex(new DatabaseOptions { DataDir = _dir });
        var random = new Random(20261124);
        var writer = Index.Writer;
        var records = new List<Record>();
        for (var i = 0; i < Records; i++)
        {
            records.Add(Make(i, random));
            writer.AddDocument(SearchDocumentBuilder.Build(new SearchSource(records[^1], "办公室", null)));
            if (i % 700 == 699)
            {
                Index.Commit(0);
            }
        }

        // Replace every 50th record (deleted documents in the older segments).
        for (var i = 0; i < Records; i += 50)
        {
            writer.UpdateDocument(new Term(SearchFields.Id, records[i].Id.ToString()), SearchDocumentBuilder.Build(new SearchSource(records[i], "办公室", "更新后的档案正文")));
        }

        Index.Commit(0);
    }

    public SearchIndex Index { get; }

    /// <summary>A service that slices every query; <paramref name="windowed"/> false keeps Lucene's own scorers for every query.</summary>
    public SearchService Service(int maxSlices, bool cache = false, bool windowed = true) => new(Index)
    {
        ParallelMinPostings = 0,
        MaxSlices = maxSlices,
        CacheResults = cache,
        WindowedMinPostings = windowed ? 0 : long.MaxValue,
    };

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static Record Make(int i, Random random)
    {
        var words = random.Next(2, 5);
        var title = "关于" + string.Concat(Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])) + "的通知";
        var year = 1990 + random.Next(30);
        var fonds = random.Next(4) == 0 ? "X013" : "0426";
        return new Record
        {
            FondsCode = fonds,
            CategoryCode = "WS",
            Year = year,
            RetentionCode = random.Next(3) switch { 0 => "Y", 1 => "D30", _ => "D10" },
            // 200 codes of several lengths: Lucene stores such a field's values prefix-compressed, and looking one up
            // moves the state of that (per-thread) doc values instance — what a race between threads shows.
            OrgUnitCode = "JG" + random.Next(200).ToString(CultureInfo.InvariantCulture),
            GroupKey = fonds,
            ArchivalCode = FormattableString.Invariant($"{fonds}-WS·{year}-Y-{i:00000}"),
            Title = title,
            Author = random.Next(3) == 0 ? "示例旗档案局" : "示例旗人民政府",
            Date = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)),
            Classification = Classifications[random.Next(Classifications.Length)],
            OpenStatus = Statuses[random.Next(Statuses.Length)],
            Carrier = random.Next(2) == 0 ? "纸质" : "电子",
        };
    }
}
