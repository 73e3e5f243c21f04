using System.Globalization;

namespace Lantai.Catalogue;

/// <summary>
/// Builds the demo archive in memory (pure, no I/O): six fonds of a fictional banner (county) archive with their
/// org units, about five thousand items from 1980 to 2024, a few volumes of accounting records. Everything comes from
/// one fixed seed, the sample titles and the tables below, so two builds give the same archival codes.
/// </summary>
internal sealed class DemoArchiveBuilder
{
    public const ulong Seed = 0x4C414E5441490426; // "LANTAI" + 0426
    public const int LastYear = 2024;

    private readonly DemoTitles _titles;
    private readonly CatalogueRules _rules;
    private readonly DateTimeOffset _now;
    private readonly DemoRandom _random = new(Seed);

    public DemoArchiveBuilder(DemoTitles titles, CatalogueRules rules, DateTimeOffset now)
    {
        _titles = titles;
        _rules = rules;
        _now = now;
    }

    public List<Fonds> Fonds { get; } = [];

    public List<OrgUnit> OrgUnits { get; } = [];

    public List<Volume> Volumes { get; } = [];

    public List<Record> Records { get; } = [];

    public DemoArchiveBuilder Build()
    {
        foreach (var plan in Plans())
        {
            var fonds = new Fonds
            {
                Code = plan.Code,
                Name = plan.Name,
                CreatorName = plan.Name,
                StartYear = plan.StartYear,
                EndYear = plan.EndYear == LastYear ? null : plan.EndYear,
                CodeTemplateKey = plan.TemplateKey,
                Description = plan.Description,
                CreatedAt = _now,
            };
            Fonds.Add(fonds);
            OrgUnits.AddRange(plan.Units.Select(u => new OrgUnit { FondsId = fonds.Id, Code = u.Code, Name = u.Name }));
            for (var year = plan.StartYear; year <= plan.EndYear; year++)
            {
                AddYear(plan, fonds, year);
            }

            if (plan.Accounting)
            {
                for (var year = 2015; year <= plan.EndYear; year++)
                {
                    AddAccountingVolumes(plan, fonds, year);
                }
            }
        }

        return this;
    }

    private void AddYear(FondsPlan plan, Fonds fonds, int year)
    {
        var progress = plan.EndYear == plan.StartYear ? 1.0 : (year - plan.StartYear) / (double)(plan.EndYear - plan.StartYear);
        var count = (int)Math.Round(plan.PerYear * (0.6 + (0.8 * progress)) * (0.85 + (0.3 * _random.NextDouble())));
        var items = new List<Draft>(count + 8);
        var topics = plan.Topics.Concat(_titles.Topics.Where(_ => plan.SampleTopics).Select(t => new Topic(t, 0, 9999)))
            .Where(t => t.Covers(year) && SampleTopicEra(t.Name).Covers(year)).ToList();
        var regulations = _titles.Regulations.Where(r => plan.RegulationFilter(r) && SampleTopicEra(r).Covers(year)).ToList();
        for (var i = 0; i < count; i++)
        {
            items.Add(Document(plan, year, topics, regulations));
        }

        if (plan.Photos && year >= 1990)
        {
            for (var i = _random.Next(2, 5); i > 0; i--)
            {
                items.Add(Photo(plan, year));
            }
        }

        if (plan.Technical && year >= 1995 && _random.Chance(0.5))
        {
            var school = _random.Pick(["第一中学", "第二中学", "蒙古族中学", "实验小学", "第三小学"]);
            var building = _random.Pick(["教学楼", "学生宿舍楼", "食堂", "风雨操场"]);
            foreach (var part in new[] { "可行性研究报告", "施工图", "竣工图", "竣工验收报告" })
            {
                items.Add(new Draft("KJ", "Y", "", $"示例旗{school}{building}建设工程{part}", false, plan.Name, null, false, RandomDate(year), _random.Next(8, 120), "纸质"));
            }
        }

        if (plan.Accounting && year >= 2015)
        {
            items.Add(new Draft("KU", "Y", "CWK", $"{year}年度财务决算报告", false, plan.Name, null, false, new DateOnly(year, 12, 31), _random.Next(20, 60), "纸质"));
        }

        NumberOwnDocuments(plan, year, items);
        foreach (var group in items
            .Select((item, index) => (item, index))
            .GroupBy(x => (x.item.Category, x.item.Retention, x.item.OrgUnit))
            .OrderBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.Retention, StringComparer.Ordinal).ThenBy(g => g.Key.OrgUnit, StringComparer.Ordinal))
        {
            // Items are numbered from 1 in date order inside their lowest class (DA/T 22-2015), without gaps.
            var number = 0;
            foreach (var (item, _) in group.OrderBy(x => x.item.Date).ThenBy(x => x.index))
            {
                AddRecord(fonds, year, item, ++number, volume: null);
            }
        }
    }

    private Draft Document(FondsPlan plan, int year, List<Topic> topics, List<string> regulations)
    {
        var unit = _random.Pick(plan.Units).Code;
        var superior = _random.Pick(plan.Superiors);
        var roll = _random.NextDouble();
        if (plan.SampleTopics && roll < 0.03 && _titles.Verbatim.Count > 0)
        {
            // The sample's traditional-Chinese and Mongolian titles, kept exactly as written.
            return Described(new Draft("WS", "Y", unit, _random.Pick(_titles.Verbatim), false, superior.Name, null, false, RandomDate(year), 0, ""), year);
        }

        if (regulations.Count > 0 && roll < 0.13)
        {
            var regulation = _random.Pick(regulations);
            return _random.Chance(0.5)
                ? Described(new Draft("WS", "Y", unit, $"关于印发《{regulation}》的通知", false, plan.Name, null, true, RandomDate(year), 0, ""), year)
                : Described(new Draft("WS", "D10", unit, $"关于转发《{regulation}》的通知", false, plan.Name, null, true, RandomDate(year), 0, ""), year);
        }

        var topic = _random.Pick(topics).Name;
        var kind = _random.Next(100);
        var draft = kind switch
        {
            < 18 => new Draft("WS", "D30", unit, $"关于做好{topic}工作的通知", false, plan.Name, null, true, default, 0, ""),
            < 28 => new Draft("WS", "D30", unit, $"关于开展{topic}专项检查的通知", false, plan.Name, null, true, default, 0, ""),
            < 40 => new Draft("WS", "Y", unit, $"{topic}工作会议纪要", false, plan.Name, null, false, default, 0, ""),
            < 52 => new Draft("WS", "Y", unit, $"关于{topic}工作情况的报告", false, plan.Name, null, true, default, 0, ""),
            < 64 => new Draft("WS", "Y", unit, $"关于{topic}工作的批复", false, superior.Name, SuperiorNumber(superior, year), false, default, 0, ""),
            < 74 => new Draft("WS", "Y", unit, $"关于{topic}有关事项的请示", false, plan.Name, null, true, default, 0, ""),
            < 82 => new Draft("WS", "Y", unit, string.Create(CultureInfo.InvariantCulture, $"{year}年{topic}工作总结"), false, plan.Name, null, false, default, 0, ""),
            < 88 => new Draft("WS", "D30", unit, $"关于成立{topic}工作领导小组的通知", false, plan.Name, null, true, default, 0, ""),
            < 97 => new Draft("WS", "D10", unit, $"关于{topic}工作的通知", false, superior.Name, SuperiorNumber(superior, year), false, default, 0, ""),
            // Records without a title of their own: the archivist supplies one, shown in [ ] in the catalogue.
            _ => new Draft("WS", "D30", unit, $"{topic}工作会议记录", true, plan.Name, null, false, default, 0, ""),
        };
        return Described(draft with { Date = RandomDate(year) }, year);
    }

    private Draft Photo(FondsPlan plan, int year)
    {
        var events = new List<string> { "那达慕大会开幕式", "乌兰牧骑下基层慰问演出", "旗人民代表大会会场", "防汛抢险现场", "民族团结进步表彰大会" };
        if (year >= 2009)
        {
            events.Add("档案馆新馆建设现场");
        }

        var title = string.Create(CultureInfo.InvariantCulture, $"{year}年{_random.Pick(events)}照片");
        return new Draft("ZP", _random.Chance(0.6) ? "Y" : "D30", "BGS", title, _random.Chance(0.5), plan.Name, null, false, RandomDate(year), 1, year >= 2006 ? "电子" : "照片");
    }

    /// <summary>Classification, pages, carrier and remarks of a document.</summary>
    private Draft Described(Draft draft, int year)
    {
        var pages = _random.Chance(0.1) ? _random.Next(13, 61) : _random.Next(1, 13);
        var carrier = year >= 2015 && _random.Chance(0.3) ? "电子" : "纸质";
        var remarks = _random.Chance(0.03) ? _random.Pick(["原件破损，已修裱", "附件另存", "有领导批示", "复印件", "与电子文件双套归档", "附照片2张"]) : null;
        return draft with { Pages = pages, Carrier = carrier, Remarks = remarks };
    }

    /// <summary>The unit's own documents carry its numbers in date order through the year, with the gaps of documents filed elsewhere.</summary>
    private void NumberOwnDocuments(FondsPlan plan, int year, List<Draft> items)
    {
        var number = 0;
        var order = items.Select((item, index) => (item, index)).Where(x => x.item.OwnNumber).OrderBy(x => x.item.Date).ThenBy(x => x.index).ToList();
        foreach (var (item, index) in order)
        {
            number += _random.Next(1, 4);
            items[index] = item with { DocumentNumber = string.Create(CultureInfo.InvariantCulture, $"{plan.DocPrefix}〔{year}〕{number}号") };
        }
    }

    private string SuperiorNumber(Unit superior, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{superior.DocPrefix}〔{year}〕{_random.Next(1, 180)}号");

    private void AddAccountingVolumes(FondsPlan plan, Fonds fonds, int year)
    {
        var contents = new[]
        {
            (Title: $"{year}年度会计凭证", Items: Enumerable.Range(1, 12).Select(m => ($"{year}年{m}月记账凭证", new DateOnly(year, m, DateTime.DaysInMonth(year, m)))).ToList()),
            (Title: $"{year}年度会计账簿", Items: new List<(string, DateOnly)> { ($"{year}年度总账", new DateOnly(year, 12, 31)), ($"{year}年度明细账", new DateOnly(year, 12, 31)) }),
        };
        var number = 0;
        foreach (var (title, items) in contents)
        {
            var parts = new ArchivalCodeParts { FondsCode = fonds.Code, CategoryCode = "KU", Year = year, RetentionCode = "D30", VolumeNumber = ++number };
            var volume = new Volume
            {
                FondsId = fonds.Id,
                FondsCode = fonds.Code,
                CategoryCode = "KU",
                Year = year,
                RetentionCode = "D30",
                VolumeNumber = number,
                GroupKey = GroupKeys.ForItem(fonds.Code, "KU", year, "D30", ""),
                ArchivalCode = _rules.Format(ArchivalCodeTemplate.Dat13VolumeKey).Render(parts),
                Title = title,
                CreatedAt = _now,
            };
            Volumes.Add(volume);
            var item = 0;
            foreach (var (itemTitle, date) in items)
            {
                AddRecord(fonds, year, new Draft("KU", "D30", "", itemTitle, false, plan.Name, null, false, date, _random.Next(60, 220), "纸质"), ++item, volume);
            }
        }
    }

    private void AddRecord(Fonds fonds, int year, Draft item, int itemNumber, Volume? volume)
    {
        var parts = new ArchivalCodeParts
        {
            FondsCode = fonds.Code,
            CategoryCode = item.Category,
            Year = year,
            RetentionCode = item.Retention,
            OrgUnitCode = item.OrgUnit,
            VolumeNumber = volume?.VolumeNumber,
            ItemNumber = itemNumber,
        };
        var (classification, status) = Access(fonds.Code, year);
        Records.Add(new Record
        {
            FondsId = fonds.Id,
            FondsCode = fonds.Code,
            CategoryCode = item.Category,
            Year = year,
            RetentionCode = item.Retention,
            OrgUnitCode = item.OrgUnit,
            VolumeId = volume?.Id,
            ItemNumber = itemNumber,
            GroupKey = volume is null ? GroupKeys.ForItem(fonds.Code, item.Category, year, item.Retention, item.OrgUnit) : GroupKeys.ForVolumeItem(volume.Id),
            ArchivalCode = _rules.Format(volume is null ? fonds.CodeTemplateKey : ArchivalCodeTemplate.Dat13VolumeItemKey).Render(parts),
            Title = item.Title,
            TitleSupplied = item.TitleSupplied,
            Author = item.Author,
            DocumentNumber = item.DocumentNumber,
            Date = item.Date,
            PageCount = item.Pages,
            Classification = classification,
            Carrier = item.Carrier,
            Remarks = item.Remarks,
            OpenStatus = status,
            CreatedAt = _now,
            UpdatedAt = _now,
        });
    }

    /// <summary>Some items classified; items older than 25 years mostly reviewed and open (Archives Law art. 27), newer ones mostly not yet reviewed.</summary>
    private (string Classification, OpenStatus Status) Access(string fondsCode, int year)
    {
        var secret = fondsCode == "X013" ? 0.02 : 0.006;
        var roll = _random.NextDouble();
        var classification = roll < secret ? "秘密" : roll < secret + 0.03 ? "内部" : "";
        if (classification.Length > 0)
        {
            return (classification, _random.Chance(0.5) ? OpenStatus.Controlled : OpenStatus.Unreviewed);
        }

        var status = _random.Next(100);
        return year <= LastYear - 25
            ? (classification, status switch { < 70 => OpenStatus.Open, < 85 => OpenStatus.Controlled, < 90 => OpenStatus.PartlyOpen, _ => OpenStatus.Unreviewed })
            : (classification, status switch { < 10 => OpenStatus.Open, < 15 => OpenStatus.Controlled, < 17 => OpenStatus.PartlyOpen, _ => OpenStatus.Unreviewed });
    }

    private DateOnly RandomDate(int year) => new DateOnly(year, 1, 1).AddDays(_random.Next(DateTime.IsLeapYear(year) ? 366 : 365));

    /// <summary>The years in which a sample topic or regulation can plausibly appear (none of them before its time).</summary>
    private static Topic SampleTopicEra(string name)
    {
        (string Word, int From, int To)[] eras =
        [
            ("疫情防控", 2020, 2024), ("脱贫攻坚", 2015, 2021), ("乡村振兴", 2021, 9999), ("主题教育", 2019, 9999),
            ("新井煤矿事故", 2016, 9999), ("信息化", 2000, 9999), ("数字化", 2003, 9999), ("网上公开", 2010, 9999),
            ("电子文件", 2005, 9999), ("民生档案", 2008, 9999), ("国际档案日", 2008, 9999), ("红色档案", 2016, 9999),
            ("开放审核", 2021, 9999), ("新馆建设", 2009, 9999), ("行政执法", 1988, 9999), ("行政处罚", 2005, 9999),
            ("重特大事件", 2024, 9999), ("协同推进", 2018, 9999), ("档案条例", 2001, 9999), ("业务建设评价", 2017, 9999),
            ("应急处置预案", 2008, 9999),
        ];
        foreach (var (word, from, to) in eras)
        {
            if (name.Contains(word, StringComparison.Ordinal))
            {
                return new Topic(name, from, to);
            }
        }

        return new Topic(name, 0, 9999);
    }

    private static List<FondsPlan> Plans() =>
    [
        new("0426", "示例旗人民政府办公室", DescribeFonds("旗人民政府的综合办事机构"), ArchivalCodeTemplate.Dat22ItemKey, 1984, LastYear, 40, "示旗政办发",
            [new("BGS", "秘书科"), new("ZCK", "政策研究室"), new("CWK", "财务科"), new("RSK", "人事科"), new("DAJ", "档案工作")],
            [new("示例旗人民政府", "示旗政发"), new("示例盟行政公署办公室", "示署办发"), new("内蒙古自治区人民政府办公厅", "内政办发"), new("内蒙古自治区档案局", "内档发")],
            [
                new("农村牧区经济体制改革", 1984, 1995), new("草畜双承包责任制落实", 1984, 1992), new("计划生育", 1984, 2015),
                new("普法宣传教育", 1986, 9999), new("防汛抗旱", 1984, 2018), new("那达慕大会筹备", 1984, 9999),
                new("招商引资", 1995, 9999), new("草原生态保护补助奖励", 2011, 9999), new("精准扶贫", 2014, 2020),
                new("政府信息公开", 2008, 9999), new("城乡环境综合整治", 2005, 9999), new("政务服务一网通办", 2019, 9999),
                new("民族团结进步创建", 1990, 9999), new("重点档案抢救保护", 1984, 9999), new("乌兰牧骑档案整理", 1984, 9999),
            ],
            SampleTopics: true, RegulationFilter: _ => true, Photos: true, Technical: false, Accounting: true),
        new("0427", "示例旗档案局", DescribeFonds("主管全旗档案事业的行政机构，2019年机构改革后职能并入示例旗档案馆"), ArchivalCodeTemplate.Dat22ItemKey, 1987, 2018, 24, "示旗档发",
            [new("BGS", "办公室"), new("YWK", "业务指导科"), new("ZFK", "执法监督科")],
            [new("内蒙古自治区档案局", "内档发"), new("示例盟档案局", "示盟档发"), new("示例旗人民政府办公室", "示旗政办发")],
            [
                new("档案目录汇编", 1987, 2000), new("机关档案工作目标管理考评", 1990, 2010), new("档案年检", 1990, 2018),
                new("档案工作业务培训", 1987, 2018), new("全宗介绍编写", 1987, 2000), new("档案编研", 1987, 2018),
                new("科技档案管理升级", 1988, 2000), new("档案库房安全检查", 1987, 2018), new("乌兰牧骑档案整理", 1987, 2018),
            ],
            SampleTopics: true, RegulationFilter: _ => true, Photos: false, Technical: false, Accounting: false),
        new("X013", "示例旗应急管理局", DescribeFonds("2019年机构改革组建"), ArchivalCodeTemplate.Dat13ItemKey, 2019, LastYear, 62, "示旗应急发",
            [new("001", "办公室"), new("002", "应急指挥科"), new("003", "安全生产监督管理科")],
            [new("示例盟应急管理局", "示盟应急发"), new("内蒙古自治区应急管理厅", "内应急发"), new("示例旗人民政府", "示旗政发")],
            [
                new("防汛抗旱", 2019, 9999), new("森林草原防灭火", 2019, 9999), new("安全生产大检查", 2019, 9999),
                new("危险化学品安全专项整治", 2019, 9999), new("冬春季火灾防控", 2019, 9999), new("应急预案演练", 2019, 9999),
                new("地震灾害应急处置", 2019, 9999), new("雪灾应急救助", 2019, 9999), new("非煤矿山安全整治", 2019, 9999),
                new("应急物资储备", 2019, 9999), new("新井煤矿事故调查处置", 2019, 2021),
            ],
            SampleTopics: false, RegulationFilter: r => r.Contains("应急", StringComparison.Ordinal) || r.Contains("重特大", StringComparison.Ordinal),
            Photos: false, Technical: false, Accounting: false),
        new("0431", "示例旗教育局", DescribeFonds("主管全旗教育工作"), ArchivalCodeTemplate.Dat22ItemKey, 1982, LastYear, 25, "示旗教发",
            [new("BGS", "办公室"), new("JYG", "基础教育股"), new("RSG", "人事股")],
            [new("示例盟教育局", "示盟教发"), new("内蒙古自治区教育厅", "内教发"), new("示例旗人民政府", "示旗政发")],
            [
                new("普及九年义务教育", 1986, 2000), new("中小学校舍安全工程", 2009, 2015), new("义务教育均衡发展", 2012, 9999),
                new("蒙古语授课学校教学质量提升", 1982, 9999), new("教师继续教育培训", 1990, 9999), new("学生资助", 2007, 9999),
                new("校园安全隐患排查", 2000, 9999), new("高考组织", 1982, 9999), new("学前教育三年行动计划", 2011, 9999),
                new("农村牧区中小学布局调整", 2001, 2012), new("扫除青壮年文盲", 1982, 1998), new("民办教师转正", 1985, 1999),
            ],
            SampleTopics: false, RegulationFilter: r => r.Contains("电子文件", StringComparison.Ordinal), Photos: false, Technical: true, Accounting: false),
        new("0433", "示例旗卫生局", DescribeFonds("主管全旗卫生工作，2019年机构改革后职能并入示例旗卫生健康委员会"), ArchivalCodeTemplate.Dat22ItemKey, 1980, 2018, 18, "示旗卫发",
            [new("BGS", "办公室"), new("YZG", "医政股"), new("FBG", "防保股")],
            [new("示例盟卫生局", "示盟卫发"), new("内蒙古自治区卫生厅", "内卫发"), new("示例旗人民政府", "示旗政发")],
            [
                new("爱国卫生运动", 1980, 2018), new("计划免疫", 1980, 2018), new("鼠疫防控", 1980, 2018), new("乡镇卫生院建设", 1990, 2018),
                new("食品卫生监督", 1983, 2013), new("蒙医药传承发展", 1980, 2018), new("地方病防治", 1980, 2018), new("妇幼保健", 1980, 2018),
                new("新型农村牧区合作医疗", 2005, 2018), new("非典型肺炎防治", 2003, 2003), new("甲型H1N1流感防控", 2009, 2010),
            ],
            SampleTopics: false, RegulationFilter: _ => false, Photos: false, Technical: false, Accounting: false),
        new("X021", "示例旗卫生健康委员会", DescribeFonds("2019年机构改革组建"), ArchivalCodeTemplate.Dat13ItemKey, 2019, LastYear, 52, "示旗卫健发",
            [new("001", "办公室"), new("002", "医政医管股"), new("003", "疾病预防控制股")],
            [new("示例盟卫生健康委员会", "示盟卫健发"), new("内蒙古自治区卫生健康委员会", "内卫健发"), new("示例旗人民政府", "示旗政发")],
            [
                new("新冠肺炎疫情防控", 2020, 2022), new("家庭医生签约服务", 2019, 9999), new("爱国卫生运动", 2019, 9999),
                new("健康示例旗行动", 2019, 9999), new("蒙医药传承发展", 2019, 9999), new("鼠疫防控", 2019, 9999),
                new("基本公共卫生服务项目", 2019, 9999), new("医疗机构依法执业检查", 2019, 9999), new("疫情防控档案移交进馆", 2023, 9999),
            ],
            SampleTopics: false, RegulationFilter: r => r.Contains("重特大", StringComparison.Ordinal), Photos: false, Technical: false, Accounting: false),
    ];

    private static string DescribeFonds(string what) => $"示例数据：{what}。";

    private sealed record Topic(string Name, int From, int To)
    {
        public bool Covers(int year) => year >= From && year <= To;
    }

    private sealed record Unit(string Name, string DocPrefix);

    private sealed record OrgPlan(string Code, string Name);

    private sealed record FondsPlan(
        string Code, string Name, string Description, string TemplateKey, int StartYear, int EndYear, int PerYear, string DocPrefix,
        OrgPlan[] Units, Unit[] Superiors, Topic[] Topics, bool SampleTopics, Func<string, bool> RegulationFilter,
        bool Photos, bool Technical, bool Accounting);

    /// <summary>One item before it has its place: category, retention, org unit and description.</summary>
    private sealed record Draft(
        string Category, string Retention, string OrgUnit, string Title, bool TitleSupplied, string Author, string? DocumentNumber,
        bool OwnNumber, DateOnly Date, int Pages, string Carrier)
    {
        public string? Remarks { get; init; }
    }
}
