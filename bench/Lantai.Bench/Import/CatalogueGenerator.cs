using System.Globalization;

namespace Lantai.Bench.Import;

/// <summary>
/// Deterministic, realistic catalogue rows: 20 fonds (letter+3 digits and older 4-digit codes), 1990–2023, three
/// retention periods, six org units (letters, digits and Chinese), item numbers running from 1 in each class, titles
/// in the style of the samples with about 2 % traditional Chinese and 2 % traditional Mongolian.
/// </summary>
internal static class CatalogueGenerator
{
    public static readonly string[] FondsCodes =
        ["0426", "X013", "A439", "J019", "Z109", "0101", "0215", "B001", "C120", "D305", "E077", "F210", "G008", "H450", "0388", "K066", "L190", "M303", "N021", "P555"];

    private static readonly string[] Retentions = ["Y", "D30", "D10"];
    private static readonly string[] OrgUnits = ["BGS", "CWK", "RSK", "DAJ", "003", "办公室"];
    private static readonly string[] Authors = ["示例旗档案局", "示例旗应急管理局", "示例盟行政公署办公室", "示例旗人民政府", "示例旗人民政府办公室", "内蒙古自治区档案局", "示例旗财政局", "示例旗教育局"];
    private static readonly string[] Openings = ["关于", "关于做好", "关于开展", "关于印发", "关于加强", "关于转发"];
    private static readonly string[] Subjects =
        ["红色档案征集工作", "乌兰牧骑档案整理工作", "《档案数字化工作方案》", "重点档案抢救保护工作", "民生档案查询利用服务", "《电子文件归档管理办法》",
         "主题教育文件材料收集归档", "档案库房安全检查", "档案开放审核工作", "重大活动档案管理", "机关档案室建设", "年度档案工作考核", "草原生态保护档案收集", "脱贫攻坚档案归档"];
    private static readonly string[] Endings = ["的通知", "的批复", "的报告", "的请示", "的意见", "工作情况的报告", "有关事项的请示", "会议纪要"];
    private static readonly string[] Traditional = ["關於加強檔案安全工作的意見", "關於做好檔案數字化工作的通知", "關於開展檔案開放審核工作的報告", "檔案館建設會議紀要"];
    private static readonly string[] Mongolian = ["ᠠᠷᠬᠢᠪ ᠤᠨ ᠲᠣᠭᠠᠴᠠᠭᠠᠨ ᠤ ᠮᠡᠳᠡᠭᠳᠡᠯ", "ᠥᠪᠥᠷ ᠮᠣᠩᠭᠣᠯ ᠤᠨ ᠠᠷᠬᠢᠪ ᠤᠨ ᠠᠵᠢᠯ", "ᠠᠷᠬᠢᠪ ᠤᠨ ᠠᠵᠢᠯ ᠤᠨ ᠲᠠᠢᠯᠤᠨ"];
    private static readonly string[] Remarks = ["原件破损", "复印件", "附件另存", "有领导批示"];

    private const int FirstYear = 1990;
    private const int LastYear = 2023;

    public static int GroupCount => FondsCodes.Length * (LastYear - FirstYear + 1) * Retentions.Length * OrgUnits.Length;

    /// <summary>The same shape of catalogue for other fonds (Q426, Q013 …), to import into a catalogue that already holds the first.</summary>
    public static IEnumerable<BenchRow> OtherFondsRows(int count) =>
        Rows(count, 7).Select(r => r with { FondsCode = "Q" + r.FondsCode[1..], ArchivalCode = "Q" + r.ArchivalCode[1..] });

    public static IEnumerable<BenchRow> Rows(int count, int seed = 20240426)
    {
        var random = new Random(seed);
        var perGroup = count / GroupCount;
        var extra = count % GroupCount;
        var group = 0;
        foreach (var fonds in FondsCodes)
        {
            for (var year = FirstYear; year <= LastYear; year++)
            {
                foreach (var retention in Retentions)
                {
                    foreach (var org in OrgUnits)
                    {
                        var items = perGroup + (group++ < extra ? 1 : 0);
                        for (var item = 1; item <= items; item++)
                        {
                            yield return Row(random, fonds, year, retention, org, item);
                        }
                    }
                }
            }
        }
    }

    private static BenchRow Row(Random random, string fonds, int year, string retention, string org, int item)
    {
        var roll = random.Next(100);
        var title = roll switch
        {
            < 2 => Traditional[random.Next(Traditional.Length)],
            < 4 => Mongolian[random.Next(Mongolian.Length)],
            _ => Openings[random.Next(Openings.Length)] + Subjects[random.Next(Subjects.Length)] + Endings[random.Next(Endings.Length)],
        };
        var date = new DateOnly(year, 1, 1).AddDays(random.Next(365));
        var code = string.Create(CultureInfo.InvariantCulture, $"{fonds}-WS·{year}-{retention}-{org}-{item:D4}");
        return new BenchRow(
            code, fonds, year, retention, org, item,
            Authors[random.Next(Authors.Length)],
            random.Next(10) < 6 ? string.Create(CultureInfo.InvariantCulture, $"示旗政办发〔{year}〕{random.Next(1, 200)}号") : null,
            title, date, random.Next(1, 60),
            random.Next(100) < 3 ? "内部" : "",
            random.Next(100) == 0 ? Remarks[random.Next(Remarks.Length)] : null);
    }
}
