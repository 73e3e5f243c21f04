using System.Globalization;
using System.Text;
using Lantai.Catalogue;

namespace Lantai.Bench.Search;

/// <summary>
/// Deterministic catalogue records for the search benchmark: about 100 characters each (title, author, document
/// number 〔year〕N号, archival code, org unit name) with every keyword field set. Titles are built from a vocabulary
/// of Chinese archival words drawn with a Zipf distribution (s = 1), so a few words (档案, 工作, 通知 …) are in a large
/// share of the records and most words are rare, as in real catalogues. Record i is the same in every run.
/// </summary>
internal static class SearchCorpus
{
    /// <summary>The vocabulary in rank order: the first words are the most frequent.</summary>
    public static readonly string[] Vocabulary =
    (
        "档案 工作 管理 通知 关于 报告 建设 安全 开展 加强 做好 意见 会议 纪要 检查 情况 材料 收集 整理 利用 " +
        "服务 办法 方案 实施 印发 转发 请示 批复 年度 考核 数字化 保护 开放 审核 鉴定 归档 移交 接收 保管 库房 " +
        "电子文件 机关 单位 人民政府 办公室 教育 财政 卫生 农牧业 草原 生态 扶贫 脱贫攻坚 乡村振兴 民生 社会保障 医疗 养老 就业 " +
        "统计 审计 税务 国土资源 城乡规划 交通运输 水利 林业 环境保护 应急管理 防汛抗旱 安全生产 消防 公安 司法 信访 民族 宗教 " +
        "文化 旅游 体育 广播电视 新闻出版 科技 工业 商务 粮食 供销 金融 保险 住房 公积金 人事 编制 工资 干部 任免 " +
        "培训 表彰 奖励 处分 党建 组织 宣传 统战 纪检 监察 巡视 整改 调研 座谈会 工作会议 专题会议 常务会议 联席会议 通报 公告 " +
        "决定 规定 条例 细则 制度 规划 计划 总结 预算 决算 资金 拨付 项目 申报 验收 招标 采购 合同 协议 登记 " +
        "普查 人口 户籍 婚姻 收养 地名 界线 勘界 征地 拆迁 补偿 移民 安置 救灾 救济 低保 五保 残疾人 妇女 儿童 " +
        "老龄 青年 志愿者 红十字 慈善 捐赠 红色档案 乌兰牧骑 那达慕 蒙古语 蒙古文 民族团结 边境 口岸 牧区 嘎查 苏木 旗县 盟市 自治区 " +
        "历史 文献 史料 地方志 年鉴 大事记 照片 录音 录像 实物 印章 证书 奖状 图纸 地图 底图 测绘 地质 矿产 煤炭 " +
        "电力 通信 铁路 公路 桥梁 机场 学校 医院 图书馆 博物馆 档案馆 文物 古籍 碑刻 家谱 契约 土地证 房产证 " +
        "股份 改制 破产 清算 企业 职工 工会 劳动 争议 仲裁 诉讼 判决 调解 公证 律师 法律援助 普法 禁毒 " +
        "疫情 防控 疫苗 检测 隔离 物资 储备 捐款 慰问 走访 结对 帮扶 驻村 第一书记 合作社 种植 养殖 畜牧 兽医 防疫 " +
        "草畜平衡 禁牧 休牧 围栏 水源 打井 灌溉 节水 风电 光伏 沙漠 治沙 造林 绿化 退耕还林 湿地 野生动物 " +
        "数字档案馆 信息系统 数据库 备份 迁移 元数据 四性检测 长期保存 开放鉴定 密级 解密 查档 出具证明 复制 借阅 展览 编研 口述历史"
    ).Split(' ');

    public static readonly string[] FondsCodes =
        ["0426", "X013", "A439", "J019", "Z109", "0101", "0215", "B001", "C120", "D305", "E077", "F210", "G008", "H450", "0388", "K066", "L190", "M303", "N021", "P555"];

    public static readonly string[] Categories = ["WS", "KJ", "ZP", "SX", "KU", "HT"];

    public static readonly string[] Retentions = ["Y", "D30", "D10"];

    public static readonly string[] Carriers = ["纸质", "电子", "照片", "录音带"];

    public static readonly (string Code, string Name)[] OrgUnits =
        [("BGS", "办公室"), ("CWK", "财务科"), ("RSK", "人事科"), ("DAJ", "档案局"), ("003", "业务指导科"), ("ZHK", "综合科"), ("JDK", "监督检查科"), ("XXK", "信息技术科")];

    public static readonly string[] Authors =
        ["示例旗档案局", "示例旗应急管理局", "示例盟行政公署办公室", "示例旗人民政府", "示例旗人民政府办公室", "内蒙古自治区档案局", "示例旗财政局", "示例旗教育局",
         "示例旗卫生健康委员会", "示例旗农牧局", "示例旗林业和草原局", "示例旗民政局", "示例旗统计局", "示例旗审计局", "示例旗公安局", "示例旗人力资源和社会保障局"];

    public static readonly string[] DocumentPrefixes = ["示旗政办发", "示旗政发", "示档发", "示财发", "示教发", "内档发", "示盟署办发", "示应急发"];

    private static readonly string[] Openings = ["关于", "关于做好", "关于开展", "关于印发", "关于加强", "关于转发", "关于进一步加强", "关于报送", ""];
    private static readonly string[] Endings = ["的通知", "的批复", "的报告", "的请示", "的意见", "工作情况的报告", "有关事项的请示", "会议纪要", "的函", "的决定"];
    private static readonly string[] Connectives = ["，", "。", "；", "和", "及", "的", "对", "在", "按照", "根据", "进一步", "认真", "切实", "全面"];

    private const double ZipfExponent = 1.0;
    private static readonly double[] Cumulative = BuildCumulative(Vocabulary.Length, ZipfExponent);

    /// <summary>The records 0 … count-1 in order; record i depends only on i and the seed.</summary>
    public static IEnumerable<CorpusRecord> Records(long count, int seed = 20260424)
    {
        for (long i = 0; i < count; i++)
        {
            yield return Record(i, seed);
        }
    }

    public static CorpusRecord Record(long i, int seed = 20260424)
    {
        var random = new Random(unchecked((int)(i * 2654435761L) ^ seed));
        var fonds = FondsCodes[(int)(i % FondsCodes.Length)];
        var category = Categories[random.Next(100) < 70 ? 0 : random.Next(Categories.Length)];
        var year = 1950 + random.Next(74);
        var retention = Retentions[random.Next(Retentions.Length)];
        var (orgCode, orgName) = OrgUnits[random.Next(OrgUnits.Length)];
        var item = (int)(i / FondsCodes.Length % 9999) + 1;
        var title = Title(random);
        var docno = random.Next(10) < 7
            ? string.Create(CultureInfo.InvariantCulture, $"{DocumentPrefixes[random.Next(DocumentPrefixes.Length)]}〔{year}〕{random.Next(1, 300)}号")
            : null;
        var code = string.Create(CultureInfo.InvariantCulture, $"{fonds}-{category}·{year}-{retention}-{orgCode}-{item:D4}");
        var roll = random.Next(100);
        var open = roll < 55 ? OpenStatus.Open : roll < 75 ? OpenStatus.Unreviewed : roll < 90 ? OpenStatus.Controlled : OpenStatus.PartlyOpen;
        var record = new Record
        {
            Id = new RecordId(new Guid((int)(i >> 32), (short)(i >> 16), (short)i, 7, 0, 0, 0, 0, 0, 0, 1)),
            FondsCode = fonds,
            CategoryCode = category,
            Year = year,
            RetentionCode = retention,
            OrgUnitCode = orgCode,
            ItemNumber = item,
            GroupKey = string.Create(CultureInfo.InvariantCulture, $"{fonds}/{category}/{year}/{retention}/{orgCode}"),
            ArchivalCode = code,
            Title = title,
            Author = Authors[Zipf(random) % Authors.Length],
            DocumentNumber = docno,
            Date = new DateOnly(year, 1, 1).AddDays(random.Next(365)),
            PageCount = random.Next(1, 60),
            Classification = random.Next(100) < 5 ? "内部" : "",
            Carrier = Carriers[random.Next(100) < 80 ? 0 : random.Next(Carriers.Length)],
            Remarks = random.Next(50) == 0 ? "原件破损，已修复" : null,
            OpenStatus = open,
        };
        return new CorpusRecord(record, orgName);
    }

    /// <summary>About 2 KB (UTF-8) of full text for record i: sentences of the same vocabulary.</summary>
    public static string FullText(long i, int bytes = 2048, int seed = 7)
    {
        var random = new Random(unchecked((int)(i * 40503L) ^ seed));
        var text = new StringBuilder(bytes / 2);
        var length = 0;
        while (length < bytes)
        {
            var piece = random.Next(4) == 0 ? Connectives[random.Next(Connectives.Length)] : Vocabulary[Zipf(random)];
            text.Append(piece);
            length += Encoding.UTF8.GetByteCount(piece);
            if (random.Next(40) == 0)
            {
                var number = string.Create(CultureInfo.InvariantCulture, $"{1950 + random.Next(74)}年{random.Next(1, 13)}月");
                text.Append(number);
                length += Encoding.UTF8.GetByteCount(number);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The fixed replay: typical queries of 2–8 characters, about a third of them very common words. Mixes single
    /// vocabulary words (Zipf-weighted), two-word phrases, authors, document-number parts, title fragments copied from
    /// records, and two words separated by a space.
    /// </summary>
    public static IReadOnlyList<string> Queries(int count = 1000, int seed = 4242, long records = 1_000_000)
    {
        var random = new Random(seed);
        var queries = new List<string>(count);
        while (queries.Count < count)
        {
            var roll = random.Next(100);
            var query = roll switch
            {
                < 30 => Vocabulary[Zipf(random)],
                < 40 => Vocabulary[random.Next(10)],
                < 60 => Vocabulary[Zipf(random)] + Vocabulary[Zipf(random)],
                < 68 => Authors[random.Next(Authors.Length)],
                < 76 => random.Next(2) == 0
                    ? DocumentPrefixes[random.Next(DocumentPrefixes.Length)]
                    : string.Create(CultureInfo.InvariantCulture, $"{1950 + random.Next(74)}〕{random.Next(1, 300)}号"),
                < 90 => TitleFragment(random, records),
                _ => Vocabulary[Zipf(random)] + " " + Vocabulary[Zipf(random)],
            };
            if (query.Length is >= 2 and <= 8)
            {
                queries.Add(query);
            }
        }

        return queries;
    }

    private static string TitleFragment(Random random, long records)
    {
        var title = Record(random.NextInt64(records)).Record.Title;
        var length = Math.Min(title.Length, random.Next(3, 9));
        return title.Substring(random.Next(title.Length - length + 1), length);
    }

    private static string Title(Random random)
    {
        var title = new StringBuilder(48);
        title.Append(Openings[random.Next(Openings.Length)]);
        var words = random.Next(2, 6);
        for (var w = 0; w < words; w++)
        {
            title.Append(Vocabulary[Zipf(random)]);
        }

        title.Append(Endings[random.Next(Endings.Length)]);
        return title.ToString();
    }

    private static int Zipf(Random random)
    {
        var index = Array.BinarySearch(Cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, Cumulative.Length - 1);
    }

    private static double[] BuildCumulative(int n, double s)
    {
        var weights = new double[n];
        var total = 0.0;
        for (var r = 0; r < n; r++)
        {
            total += 1.0 / Math.Pow(r + 1, s);
            weights[r] = total;
        }

        for (var r = 0; r < n; r++)
        {
            weights[r] /= total;
        }

        return weights;
    }
}
