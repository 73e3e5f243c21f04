using Lantai.Catalogue;

namespace Lantai.Bench.ListPage;

/// <summary>
/// A deterministic catalogue shaped like a county archive's: 20 fonds, years 1950–2023, mostly 文书, three retention
/// periods, eight org units, 5% classified, titles made of the words real titles use. Rows of one fonds come out in
/// archival-code order so the bulk load appends to its indexes.
/// </summary>
internal sealed class RecordGenerator(int seed)
{
    private static readonly string[] Topics = ["档案开放审核", "乌兰牧骑巡回演出", "草原生态保护", "农村牧区人居环境整治", "脱贫攻坚", "民族团结进步", "防汛抗旱", "安全生产", "红色档案征集", "干部培训", "财政预算执行", "基层党组织建设", "边境贸易", "畜牧业发展", "水利工程建设", "学校布局调整", "重大事件应急处置", "土地确权登记", "城镇供热", "蒙古语文工作"];
    private static readonly string[] Kinds = ["通知", "批复", "报告", "请示", "意见", "决定", "会议纪要", "函", "总结", "计划", "通报", "实施方案"];
    private static readonly string[] Authors = ["旗人民政府办公室", "旗委组织部", "旗委宣传部", "旗财政局", "旗档案局", "旗教育局", "旗水利局", "旗农牧局"];
    private static readonly string[] OrgUnits = ["BGS", "ZZB", "XCB", "TZB", "JJB", "CWK", "RSK", "DAS"];
    private static readonly string[] Carriers = ["纸质", "电子"];

    private readonly Random _random = new(seed);

    public static string FondsCode(int index) => "X" + (index + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The rows of one fonds, in archival-code order.</summary>
    public List<GeneratedRecord> Fonds(Guid fondsId, string fondsCode, int count, ArchivalCodeFormat format)
    {
        var drafts = new List<(string Category, int Year, string Retention, string Org)>(count);
        for (var i = 0; i < count; i++)
        {
            var c = _random.Next(100);
            var category = c < 70 ? "WS" : c < 80 ? "KJ" : c < 88 ? "RS" : c < 95 ? "KU" : "ZP";
            var r = _random.Next(10);
            var retention = r < 3 ? "Y" : r < 7 ? "D30" : "D10";
            drafts.Add((category, 1950 + _random.Next(74), retention, OrgUnits[_random.Next(OrgUnits.Length)]));
        }

        var rows = new List<GeneratedRecord>(count);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (category, year, retention, org) in drafts)
        {
            var groupKey = GroupKeys.ForItem(fondsCode, category, year, retention, org);
            var item = numbers[groupKey] = numbers.GetValueOrDefault(groupKey) + 1;
            var code = format.Render(new ArchivalCodeParts { FondsCode = fondsCode, CategoryCode = category, Year = year, RetentionCode = retention, OrgUnitCode = org, ItemNumber = item });
            var kind = Kinds[_random.Next(Kinds.Length)];
            var author = Authors[_random.Next(Authors.Length)];
            var docNumber = $"{author[..1]}{(kind is "通知" or "决定" ? "发" : "字")}〔{year}〕{_random.Next(1, 300)}号";
            DateOnly? date = _random.Next(10) == 0 ? null : new DateOnly(year, 1 + _random.Next(12), 1 + _random.Next(28));
            var s = _random.Next(1000);
            var classification = s < 950 ? "" : s < 980 ? "内部" : s < 995 ? "秘密" : "机密";
            var o = _random.Next(100);
            var open = o < 40 ? 0 : o < 80 ? 1 : o < 95 ? 2 : 3;
            rows.Add(new GeneratedRecord(Guid.Empty, fondsId, fondsCode, category, year, retention, org, item, groupKey, code,
                $"关于{year}年{Topics[_random.Next(Topics.Length)]}工作的{kind}", _random.Next(20) == 0, author, docNumber, date,
                1 + _random.Next(40), classification, Carriers[_random.Next(2)], open));
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.ArchivalCode, b.ArchivalCode));
        // UUIDv7 in code order: the primary key appends too.
        return [.. rows.Select(r => r with { Id = Guid.CreateVersion7() })];
    }
}
