using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lantai.Tests.Search.Relevance;

/// <summary>
/// The judged query set of issue 4 §7 (relevance-set.json) over its corpus (corpus.csv), and how a ranking is scored.
/// One file with nothing but the BCL, so the benchmark can link it (&lt;Compile Include="…/RelevanceSet.cs" Link="…"/&gt;)
/// and replay the same queries against Lucene, PostgreSQL pg_trgm and SQLite FTS5; that is why its small record types
/// are nested here instead of having files of their own.
/// </summary>
public sealed class RelevanceSet
{
    public const string FileName = "relevance-set.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private RelevanceSet(string folder, IReadOnlyList<Query> queries, int records)
    {
        Folder = folder;
        Queries = queries;
        RecordCount = records;
    }

    /// <summary>The folder holding the set and its corpus.</summary>
    public string Folder { get; }

    public IReadOnlyList<Query> Queries { get; }

    /// <summary>How many records the corpus holds (as written by the generator).</summary>
    public int RecordCount { get; }

    public string CorpusPath => Path.Combine(Folder, "corpus.csv");

    public Query this[string id] => Queries.FirstOrDefault(q => q.Id == id) ?? throw new KeyNotFoundException(id);

    /// <summary>The set in tests/Lantai.Tests/Search/Relevance, found from the running program's folder upwards.</summary>
    public static RelevanceSet LoadDefault() => Load(Path.Combine(FindFolder(AppContext.BaseDirectory), FileName));

    public static RelevanceSet Load(string path)
    {
        var file = JsonSerializer.Deserialize<SetFile>(File.ReadAllText(path, Encoding.UTF8), Json)
            ?? throw new InvalidDataException($"{path} is empty.");
        return new RelevanceSet(Path.GetDirectoryName(Path.GetFullPath(path))!, file.Queries, file.Records);
    }

    public static string FindFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Lantai.Tests", "Search", "Relevance");
            if (File.Exists(Path.Combine(candidate, FileName)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"{FileName} not found above {start}");
    }

    /// <summary>
    /// The corpus rows, for loading it into another engine. The file is the catalogue-import CSV (UTF-8 with BOM, header
    /// 档号,全宗号,门类,年度,保管期限,机构(问题),件号,责任者,文号,题名,日期,页数,密级,开放状态,载体,备注); the generator
    /// guarantees no cell holds a comma, a quote or a line break, so a plain split reads it exactly.
    /// </summary>
    public IEnumerable<CorpusRecord> ReadCorpus()
    {
        using var reader = new StreamReader(CorpusPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException("corpus.csv is empty.");
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"corpus.csv has no column {name}.");
        int code = Column("档号"), fonds = Column("全宗号"), year = Column("年度"), author = Column("责任者"), docno = Column("文号"),
            title = Column("题名"), classification = Column("密级"), open = Column("开放状态"), remarks = Column("备注");
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            yield return new CorpusRecord(
                cells[code], cells[fonds], int.Parse(cells[year], CultureInfo.InvariantCulture), cells[title], cells[author], cells[docno],
                cells[classification], cells[open], cells[remarks]);
        }
    }

    /// <summary>
    /// Scores one ranking (archival codes, best first, as many as the engine returned up to a page of 50).
    /// Precision@10 is taken over the first min(10, |relevant|) hits, so a query with two relevant records is judged
    /// on its first two hits and a distractor ranked above them costs precision; MRR uses the first relevant hit in
    /// the top 10. Queries with nothing relevant (access checks) are not scored, only checked.
    /// </summary>
    public static Score Evaluate(Query query, IReadOnlyList<string> ranked)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ranked);
        var relevant = query.Expected.ToHashSet(StringComparer.Ordinal);
        var top = ranked.Take(10).ToList();
        var found = top.Count(relevant.Contains);
        var firstRelevant = top.FindIndex(relevant.Contains);
        var forbidden = query.Forbidden.Intersect(ranked, StringComparer.Ordinal).ToList();
        var firstOk = !query.FirstMustBeFirst || (top.Count > 0 && top[0] == query.Expected[0]);
        var k = Math.Min(10, relevant.Count);
        double? precision = k == 0 ? null : ranked.Take(k).Count(relevant.Contains) / (double)k;
        double? reciprocal = relevant.Count == 0 ? null : firstRelevant < 0 ? 0 : 1.0 / (firstRelevant + 1);
        return new Score(query.Id, found >= query.MinInTop10 && firstOk && forbidden.Count == 0, found, firstOk, forbidden, precision, reciprocal, top);
    }

    /// <summary>Mean precision@10 and MRR over the scored queries, and how many queries passed.</summary>
    public static Summary Summarize(IReadOnlyList<Score> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var scored = scores.Where(s => s.PrecisionAt10 is not null).ToList();
        return new Summary(
            scores.Count,
            scores.Count(s => s.Passed),
            scored.Count == 0 ? 0 : scored.Average(s => s.PrecisionAt10!.Value),
            scored.Count == 0 ? 0 : scored.Average(s => s.ReciprocalRank!.Value),
            [.. scores.Where(s => !s.Passed).Select(s => s.Id)]);
    }

    /// <summary>One judged query. <see cref="Query"/> is in Lantai's syntax (words, "phrase", 题名:…, AND/OR/NOT, 年度:a-b).</summary>
    public sealed record Query
    {
        public required string Id { get; init; }

        [JsonPropertyName("query")]
        public required string Text { get; init; }

        /// <summary>simplified, traditional, mongolian, docno, onechar, twochar, phrase, field, boolean, width, ocr.</summary>
        public required string Kind { get; init; }

        /// <summary>"staff" (every status, full clearance) or "public" (open, unclassified records only).</summary>
        public string Audience { get; init; } = "staff";

        /// <summary>Every record (档号) judged relevant, most relevant first.</summary>
        public IReadOnlyList<string> Expected { get; init; } = [];

        /// <summary>How many of <see cref="Expected"/> must be among the first 10 hits.</summary>
        public int MinInTop10 { get; init; }

        /// <summary>The query is precise (a full document number, a whole title): Expected[0] must be hit 1.</summary>
        public bool FirstMustBeFirst { get; init; }

        /// <summary>Records that must not be returned at all: not visible to the audience, excluded by NOT, a phrase, a field or a year range.</summary>
        public IReadOnlyList<string> Forbidden { get; init; } = [];

        public string? Note { get; init; }

        public bool IsPublic => Audience == "public";

        public override string ToString() => $"{Id} {Text}";
    }

    /// <summary>One corpus row: the fields a baseline engine needs (search text, year, access).</summary>
    public sealed record CorpusRecord(
        string ArchivalCode, string FondsCode, int Year, string Title, string Author, string DocumentNumber, string Classification,
        string OpenStatus, string Remarks);

    /// <summary>How one ranking did.</summary>
    public sealed record Score(
        string Id, bool Passed, int FoundInTop10, bool FirstOk, IReadOnlyList<string> ForbiddenReturned, double? PrecisionAt10,
        double? ReciprocalRank, IReadOnlyList<string> Top10);

    /// <summary>The set's figures.</summary>
    public sealed record Summary(int Queries, int Passed, double PrecisionAt10, double MeanReciprocalRank, IReadOnlyList<string> Failed)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"queries {Queries}, passed {Passed}, precision@10 {PrecisionAt10:0.000}, MRR {MeanReciprocalRank:0.000}");
    }

    private sealed record SetFile(int Records, List<Query> Queries);
}
