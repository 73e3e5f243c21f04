using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lantai.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Lantai.Bench.Search;

/// <summary>
/// Analysis speed alone, one thread: LantaiAnalyzer against Lucene's StandardTokenizer + CJKWidthFilter + LowerCaseFilter
/// + CJKBigramFilter(unigrams) on the same generated catalogue titles (about 100 characters: Zipf-drawn archival words,
/// document numbers, some Latin and traditional characters), in the same run, alternating rounds.
/// </summary>
internal static class AnalyzerBenchmark
{
    public static int Run(string[] args)
    {
        var tablesStarted = Stopwatch.GetTimestamp();
        _ = SearchKeyFolding.Fold("檔"); // builds the folding tables once per process
        var tablesBuilt = Stopwatch.GetElapsedTime(tablesStarted);
        var records = args.Length > 1 && args[0] == "--records" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
        var texts = Generate(records, seed: 42);
        var chars = texts.Sum(t => (long)t.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analyzer: {records:N0} records, {chars:N0} chars ({chars / (double)records:F0} per record), one thread; folding tables built in {tablesBuilt.TotalMilliseconds:F0} ms"));
        using var lantai = new LantaiAnalyzer();
        using var standard = new StandardCjkAnalyzer();
        Analyse(lantai, texts[..Math.Min(20_000, texts.Length)]); // warm-up: JIT, tables
        Analyse(standard, texts[..Math.Min(20_000, texts.Length)]);
        var results = new Dictionary<string, List<(long Tokens, double Seconds)>> { ["LantaiAnalyzer"] = [], ["Standard+CJKBigram"] = [] };
        for (var round = 0; round < 3; round++)
        {
            results["LantaiAnalyzer"].Add(Analyse(lantai, texts));
            results["Standard+CJKBigram"].Add(Analyse(standard, texts));
        }
        foreach (var (name, runs) in results)
        {
            var best = runs.MinBy(r => r.Seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-20} {best.Tokens / best.Seconds,14:N0} tokens/s {chars / best.Seconds,14:N0} chars/s {records / best.Seconds,12:N0} records/s  ({best.Tokens:N0} tokens, best of {runs.Count})"));
        }
        return 0;
    }

    private static (long Tokens, double Seconds) Analyse(Analyzer analyzer, string[] texts)
    {
        var started = Stopwatch.GetTimestamp();
        long tokens = 0;
        foreach (var text in texts)
        {
            using var stream = analyzer.GetTokenStream("title", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens += term.Length > 0 ? 1 : 0;
            }
            stream.End();
        }
        return (tokens, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static string[] Generate(int count, int seed)
    {
        string[] words =
        [
            "关于", "档案", "工作", "的", "通知", "批复", "请示", "报告", "会议", "纪要", "年度", "征集", "管理", "办公室", "人民政府",
            "旗", "县", "建设", "项目", "资金", "安排", "意见", "实施", "方案", "印发", "开展", "检查", "总结", "计划", "规定", "办法",
            "统计", "教育", "卫生", "农业", "牧区", "草原", "保护", "民族", "文化", "干部", "任免", "调整", "公司", "企业", "自治区",
            "苏木", "嘎查", "水利", "交通", "公路", "扶贫", "脱贫", "攻坚", "乡村", "振兴", "环境", "治理", "安全", "生产", "专项",
            "整治", "行动", "领导", "小组", "成立", "名单", "表彰", "先进", "集体", "个人", "申请", "补助", "拨付", "经费", "预算",
            "决算", "审计", "结果", "公告", "转发", "市委", "组织部", "宣传", "培训", "班", "举办", "召开", "全体", "大会", "檔案",
            "關於", "會議", "報告", "機關", "單位", "人员", "编制", "核定", "机构", "设置", "职能", "配置", "内设", "统一", "部署",
        ];
        // Zipf weights: the k-th word drawn with probability ∝ 1/k, so common words dominate as in real titles.
        var cumulative = new double[words.Length];
        var sum = 0.0;
        for (var k = 0; k < words.Length; k++)
        {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        var random = new Random(seed);
        var texts = new string[count];
        var builder = new StringBuilder(128);
        for (var i = 0; i < count; i++)
        {
            builder.Clear();
            var year = 1990 + random.Next(35);
            builder.Append(CultureInfo.InvariantCulture, $"{(random.Next(3) == 0 ? "〔" : "[")}{year}{(random.Next(3) == 0 ? "〕" : "]")}{random.Next(1, 200)}号 ");
            if (random.Next(10) == 0)
            {
                builder.Append("PDF ");
            }
            while (builder.Length < 92)
            {
                var pick = random.NextDouble() * sum;
                var k = Array.BinarySearch(cumulative, pick);
                builder.Append(words[k < 0 ? ~k : k]);
                if (random.Next(12) == 0)
                {
                    builder.Append('，');
                }
            }
            builder.Append(CultureInfo.InvariantCulture, $" Z109-WS·{year}-Y-BGS-{random.Next(1, 9999):D4}");
            texts[i] = builder.ToString();
        }
        return texts;
    }

    /// <summary>The placeholder chain of the contracts commit, as the baseline.</summary>
    private sealed class StandardCjkAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream result = new CJKWidthFilter(source);
            result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
            result = new CJKBigramFilter(result, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
            return new TokenStreamComponents(source, result);
        }
    }
}
