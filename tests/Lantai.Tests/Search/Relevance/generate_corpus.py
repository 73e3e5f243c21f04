#!/usr/bin/env python3
"""Writes the relevance corpus (corpus.csv) and the judged query set (relevance-set.json) beside this script.

Deterministic: a fixed seed, the sample catalogue (catalogue-0426-ws.csv, copied from the shared samples) and the tables
below. Run it again only to change the set, and commit both outputs with it:

    python3 tests/Lantai.Tests/Search/Relevance/generate_corpus.py

Relevance is judged here, not by any search engine: a record is relevant to a query when, after the folding Lantai's
search promises (NFKC width folding, traditional -> simplified by ICU's Traditional-Simplified transliterator through
`uconv`, Mongolian FVS/MVS removed and NNBSP read as a word break, case), the query's words occur as contiguous runs of
tokens (each Han character, each digit run, each Latin run, each Mongolian word) in one field of the record. Boolean
operators, field prefixes and year ranges are applied on top. A few "hard" distractors, which share a run of characters
but not the word (办公安排 for 公安, 电台风险 for 台风), are judged not relevant by hand.
"""

import csv
import json
import os
import random
import subprocess
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 0x4C54_5245_4C45  # "LTRELE"
LAST_YEAR = 2024

NNBSP = "\u202f"
MVS = "\u180e"
FVS1 = "\u180b"

HEADER = ["档号", "全宗号", "门类", "年度", "保管期限", "机构(问题)", "件号", "责任者", "文号", "题名", "日期", "页数", "密级", "开放状态", "载体", "备注"]


def s2t(texts):
    return icu("Simplified-Traditional", texts)


def t2s(texts):
    return icu("Traditional-Simplified", texts)


def icu(transform, texts):
    texts = list(texts)
    if not texts:
        return []
    joined = "\n".join(t.replace("\n", " ") for t in texts) + "\n"
    out = subprocess.run(["uconv", "-x", transform], input=joined.encode("utf-8"), capture_output=True, check=True).stdout.decode("utf-8")
    lines = out.split("\n")[: len(texts)]
    assert len(lines) == len(texts)
    return lines


# ---------------------------------------------------------------------------------------------------------------------
# Records

class Rec:
    def __init__(self, fonds, year, title, author, docno="", ret="Y", org="BGS", cls="", status=None, carrier="纸质", remarks="",
                 date=None, cat="WS", code=None, item=None, tag=None, pages=None):
        self.fonds, self.year, self.title, self.author, self.docno = fonds, year, title, author, docno
        self.ret, self.org, self.cls, self.status, self.carrier, self.remarks = ret, org, cls, status, carrier, remarks
        self.date, self.cat, self.code, self.item, self.tag, self.pages = date, cat, code, item, tag, pages


rng = random.Random(SEED)


def access(year):
    """Classification and open status as an archive has them: old records mostly open, recent ones mostly unreviewed."""
    roll = rng.random()
    cls = "机密" if roll < 0.004 else "秘密" if roll < 0.012 else "内部" if roll < 0.04 else ""
    if cls:
        return cls, rng.choice(["控制", "未审"])
    s = rng.randrange(100)
    if year <= LAST_YEAR - 25:
        return cls, "开放" if s < 70 else "控制" if s < 85 else "部分开放" if s < 90 else "未审"
    return cls, "开放" if s < 10 else "控制" if s < 15 else "部分开放" if s < 17 else "未审"


def random_date(year):
    import datetime
    d = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(366 if year % 4 == 0 else 365))
    return d.strftime("%Y%m%d")


# Generated fonds: the archive of a fictional city (示例市) next to the sample banner's fonds 0426.
FONDS = [
    dict(code="0501", name="示例市人民政府办公室", start=1950, end=2024, per_year=12, prefix="示市政办发", units=["BGS", "ZCK", "CWK", "RSK"],
         superiors=[("示例盟行政公署", "示署发"), ("内蒙古自治区人民政府办公厅", "内政办发"), ("示例市人民政府", "示市政发")],
         topics=[("土地改革", 1950, 1953), ("爱国增产节约运动", 1950, 1960), ("农业合作化", 1953, 1958), ("粮食统购统销", 1953, 1985),
                 ("兴修水利", 1950, 1980), ("扫除文盲", 1950, 1990), ("计划生育", 1971, 2015), ("农村牧区经济体制改革", 1979, 1995),
                 ("知识分子政策落实", 1978, 1986), ("普法宣传教育", 1986, 2024), ("防汛抗旱", 1950, 2024), ("那达慕大会筹备", 1950, 2024),
                 ("招商引资", 1992, 2024), ("草原生态保护", 2000, 2024), ("精准扶贫", 2014, 2020), ("政府信息公开", 2008, 2024),
                 ("城乡环境综合整治", 2005, 2024), ("政务服务一网通办", 2019, 2024), ("民族团结进步创建", 1990, 2024),
                 ("森林草原防火", 1960, 2024), ("安全生产大检查", 1980, 2024)]),
    dict(code="0502", name="示例市档案局", start=1956, end=2024, per_year=8, prefix="示市档发", units=["BGS", "YWK", "ZFK"],
         superiors=[("内蒙古自治区档案局", "内档发"), ("示例盟档案局", "示盟档发"), ("示例市人民政府办公室", "示市政办发")],
         topics=[("档案目录汇编", 1956, 2000), ("机关档案工作目标管理考评", 1990, 2010), ("档案年检", 1990, 2018),
                 ("档案业务培训", 1960, 2024), ("全宗介绍编写", 1980, 2000), ("档案编研", 1980, 2024), ("科技档案管理升级", 1988, 2000),
                 ("档案库房安全检查", 1970, 2024), ("乌兰牧骑档案整理", 1980, 2024), ("档案数字化", 2003, 2024),
                 ("电子文件归档", 2005, 2024), ("民生档案查询利用", 2008, 2024), ("国际档案日宣传", 2008, 2024), ("档案开放审核", 2021, 2024)]),
    dict(code="0503", name="示例市卫生局", start=1950, end=2024, per_year=6, prefix="示市卫发", units=["BGS", "YZG", "FBG"],
         superiors=[("示例盟卫生局", "示盟卫发"), ("内蒙古自治区卫生厅", "内卫发"), ("示例市人民政府", "示市政发")],
         topics=[("爱国卫生运动", 1952, 2024), ("计划免疫", 1978, 2024), ("乡镇卫生院建设", 1990, 2024), ("食品卫生监督", 1983, 2013),
                 ("蒙医药传承发展", 1950, 2024), ("地方病防治", 1950, 2024), ("妇幼保健", 1950, 2024), ("布鲁氏菌病防治", 1955, 2024),
                 ("赤脚医生培训", 1965, 1980), ("新型农村牧区合作医疗", 2005, 2018), ("传染病疫情报告", 1950, 2024)]),
    dict(code="0504", name="示例市文化局", start=1950, end=2024, per_year=5, prefix="示市文发", units=["BGS", "WWK", "YSK"],
         superiors=[("内蒙古自治区文化厅", "内文发"), ("示例盟文化局", "示盟文发"), ("示例市人民政府", "示市政发")],
         topics=[("群众文化活动", 1950, 2024), ("文物普查", 1956, 2024), ("图书馆建设", 1950, 2024), ("非物质文化遗产保护", 2005, 2024),
                 ("乌兰牧骑演出", 1957, 2024), ("电影放映", 1950, 2000), ("民间文艺搜集整理", 1950, 2024), ("文化市场管理", 1988, 2024)]),
]

# Document numbers the generated records must not take: the targets' own and the ones the docno queries probe.
RESERVED_NUMBERS = {("2019", "3"), ("2021", "12"), ("1985", "7"), ("2019", "30"), ("2019", "13"), ("2019", "31"), ("2021", "112"),
                    ("2021", "120"), ("2020", "12"), ("2018", "3"), ("1961", "15"), ("1958", "21")}

# Mongolian titles of the generated records: spelled with NNBSP before case suffixes (as the standard asks) or with a
# plain space (as many keyboards type it); both must be found alike.
MONGOLIAN_PHRASES = [
    ["ᠠᠷᠬᠢᠪ", "ᠤᠨ", "ᠠᠵᠢᠯ", "ᠤᠨ", "ᠲᠣᠭᠠᠴᠠᠭᠠᠨ"],
    ["ᠰᠤᠷᠭᠠᠭᠤᠯᠢ", "ᠶᠢᠨ", "ᠠᠵᠢᠯ", "ᠤᠨ", "ᠮᠡᠳᠡᠭᠳᠡᠯ"],
    ["ᠠᠷᠠᠳ", "ᠤᠨ", "ᠵᠠᠰᠠᠭ", "ᠤᠨ", "ᠮᠡᠳᠡᠭᠳᠡᠯ"],
    ["ᠮᠣᠩᠭᠣᠯ", "ᠪᠢᠴᠢᠭ", "ᠦᠨ", "ᠠᠷᠬᠢᠪ", "ᠤᠨ", "ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ"],
]
SUFFIXES = {"ᠤᠨ", "ᠦᠨ", "ᠶᠢᠨ", "ᠤ", "ᠢ", "ᠳᠤ"}


def mongolian(words, nnbsp):
    out = words[0]
    for w in words[1:]:
        out += (NNBSP if nnbsp and w in SUFFIXES else " ") + w
    return out


def filler():
    recs = []
    for f in FONDS:
        for year in range(f["start"], f["end"] + 1):
            progress = (year - f["start"]) / max(1, f["end"] - f["start"])
            count = max(2, round(f["per_year"] * (0.6 + 0.8 * progress) * (0.85 + 0.3 * rng.random())))
            topics = [t for t, a, b in f["topics"] if a <= year <= b]
            own = 0
            for _ in range(count):
                topic = rng.choice(topics)
                kind = rng.randrange(100)
                author, docno, ret = f["name"], "", "Y"
                if kind < 16:
                    title = f"关于做好{topic}工作的通知"; ret = "D30"
                elif kind < 24:
                    title = f"关于开展{topic}专项检查的通知"; ret = "D30"
                elif kind < 36:
                    title = f"{topic}工作会议纪要"
                elif kind < 48:
                    title = f"关于{topic}工作情况的报告"
                elif kind < 60:
                    sup, prefix = rng.choice(f["superiors"])
                    title, author = f"关于{topic}工作的批复", sup
                    n = rng.randrange(1, 180)
                    while (str(year), str(n)) in RESERVED_NUMBERS:
                        n = rng.randrange(1, 180)
                    docno = f"{prefix}〔{year}〕{n}号"
                elif kind < 70:
                    title = f"关于{topic}有关事项的请示"
                elif kind < 78:
                    title = f"{year}年{topic}工作总结"
                elif kind < 84:
                    title = f"关于成立{topic}工作领导小组的通知"; ret = "D30"
                elif kind < 92:
                    title = f"关于{topic}工作的意见"
                else:
                    title = f"关于{topic}问题的函"; ret = "D10"
                if not docno and title.startswith("关于") and rng.random() < 0.7:
                    own += rng.randrange(1, 4)
                    while (str(year), str(own)) in RESERVED_NUMBERS:
                        own += 1
                    docno = f"{f['prefix']}〔{year}〕{own}号"
                cls, status = access(year)
                remarks = rng.choice(["原件破损，已修裱", "附件另存", "有领导批示", "复印件"]) if rng.random() < 0.03 else ""
                carrier = "电子" if year >= 2010 and rng.random() < 0.3 else "纸质"
                recs.append(Rec(f["code"], year, title, author, docno, ret, rng.choice(f["units"]), cls, status, carrier, remarks,
                                random_date(year), pages=rng.randrange(1, 40), tag="filler"))
            if year >= 2000 and f["code"] in ("0501", "0502", "0504") and rng.random() < 0.25:
                cls, status = access(year)
                title = mongolian(rng.choice(MONGOLIAN_PHRASES), nnbsp=rng.random() < 0.5)
                recs.append(Rec(f["code"], year, title, f["name"], "", "Y", rng.choice(f["units"]), cls, status, "纸质", "", random_date(year),
                                pages=rng.randrange(1, 40), tag="filler-mn"))
    # Titles before the first simplification scheme (1956) are in traditional characters, and so are 6 % of later ones
    # (catalogues retyped from old registers, letters from Hong Kong, Macao and Taiwan).
    trad = [r for r in recs if r.year <= 1956 or rng.random() < 0.06]
    titles = s2t([r.title for r in trad])
    authors = s2t([r.author for r in trad])
    for r, t, a in zip(trad, titles, authors):
        r.title, r.author = t, a
    return recs


# Hand-written records the queries are about, with their distractors. (fonds, year, title, author, docno, extra)
OCR_REMARK = "目录据扫描件OCR录入"
TARGETS = [
    # 沈从文: letters, a visit, a manuscript gift, in simplified, traditional and OCR-spaced titles, and as author.
    ("S1", "0504", 1950, "沈從文致市文化局函", "沈從文", "", dict(status="开放")),
    ("S2", "0504", 1956, "沈从文致示例市文化局的书信", "沈从文", "", dict(status="开放")),
    ("S3", "0504", 1958, "关于湘西苗族服饰图录编写的意见", "沈从文", "", dict(status="开放")),
    ("S4", "0504", 1961, "关于沈从文先生来市考察文物工作的接待方案", "示例市文化局", "示市文发〔1961〕15号", dict(status="控制")),
    ("S5", "0504", 1980, "沈 从 文 先 生 手 稿 捐 赠 协 议", "示例市文化局", "", dict(status="未审", remarks=OCR_REMARK)),
    ("S6", "0504", 2002, "沈从文书信选编出版座谈会纪要", "示例市文化局", "", dict(status="未审", cls="内部")),
    ("S7", "0504", 1979, "致示例市博物馆的信", "沈从文", "", dict(status="开放")),
    ("S8", "0504", 1952, "沈從文先生講演記錄", "示例市文化局", "", dict(status="开放")),
    ("SX1", "0504", 1985, "关于从文化系统抽调干部支援沈阳市建设的通知", "示例市文化局", "", dict(status="开放")),
    ("SX2", "0504", 1990, "沈阳军区文工团来市慰问演出的通知", "示例市文化局", "", dict(status="开放")),
    ("SX3", "0504", 2010, "关于做好从文物保护单位周边拆迁工作的通知", "示例市文化局", "", dict(status="未审")),
    # Document numbers: 内政发〔2019〕3号 and its near neighbours.
    ("D1", "0501", 2019, "关于进一步加强全区档案工作的意见", "内蒙古自治区人民政府", "内政发〔2019〕3号", dict(status="未审")),
    ("D1a", "0501", 2019, "关于加快推进全区政务服务标准化建设的意见", "内蒙古自治区人民政府", "内政发〔2019〕30号", dict(status="未审")),
    ("D1b", "0501", 2019, "关于印发全区森林草原防火应急预案的通知", "内蒙古自治区人民政府", "内政发〔2019〕13号", dict(status="未审")),
    ("D1c", "0501", 2019, "关于进一步加强全区档案工作的实施意见", "内蒙古自治区人民政府办公厅", "内政办发〔2019〕3号", dict(status="未审")),
    ("D1d", "0501", 2019, "关于调整自治区档案工作领导小组成员的通知", "内蒙古自治区人民政府", "内政发〔2018〕3号", dict(status="未审", date="20190105")),
    ("D1e", "0501", 2019, "关于做好2019年春耕备耕工作的通知", "内蒙古自治区人民政府", "内政发〔2019〕31号", dict(status="未审")),
    # 〔2021〕12号 under two prefixes, and numbers that contain 12.
    ("D2", "0501", 2021, "关于印发《示例市档案数字化转型实施方案》的通知", "示例市人民政府办公室", "示市政办发〔2021〕12号", dict(status="未审")),
    ("D2a", "0501", 2021, "关于做好2021年度政府信息公开工作的通知", "示例市人民政府办公室", "示市政办发〔2021〕112号", dict(status="未审")),
    ("D2b", "0501", 2021, "关于调整市政府领导分工的通知", "示例市人民政府办公室", "示市政办发〔2021〕120号", dict(status="未审")),
    ("D2c", "0501", 2020, "关于做好冬春季森林草原防火工作的通知", "示例市人民政府办公室", "示市政办发〔2020〕12号", dict(status="未审")),
    ("D2d", "0501", 2021, "关于表彰2020年度档案工作先进集体的决定", "示例市人民政府", "示市政发〔2021〕12号", dict(status="未审")),
    # OCR: a number and a title typed from scans with spaces between the characters.
    ("O1", "0501", 1985, "关于做好春季草原防火工作的通知", "示例盟行政公署", "示署发〔1985〕7 号", dict(status="开放", remarks=OCR_REMARK)),
    ("O2", "0501", 1958, "关 于 建 立 示 例 市 档 案 馆 的 请 示", "示例市人民政府办公室", "", dict(status="开放", remarks=OCR_REMARK)),
    ("O3", "0501", 1958, "关于建立示例市档案馆的批复", "示例盟行政公署", "示署发〔1958〕21号", dict(status="开放")),
    # Phrases: 档案馆建设 as written, and with the words apart.
    ("P1", "0502", 2008, "关于档案馆建设项目立项的请示", "示例市档案局", "", dict(status="未审")),
    ("P2", "0502", 2010, "示例市档案馆建设规划（2010—2020年）", "示例市档案局", "", dict(status="未审")),
    ("P3", "0502", 2009, "关于建设新的档案馆馆舍的请示", "示例市档案局", "", dict(status="未审")),
    # Rare characters for one- and two-character queries.
    ("R1", "0503", 1952, "關於鼠疫防治工作的通知", "示例市衛生局", "", dict(status="开放")),
    ("R2", "0503", 1960, "鼠疫疫情报告", "示例市卫生局", "", dict(status="开放")),
    ("R3", "0503", 1985, "关于开展灭鼠工作的通知", "示例市卫生局", "", dict(status="开放")),
    ("R4", "0503", 2003, "关于鼠疫监测工作情况的报告", "示例市卫生局", "", dict(status="未审")),
    ("R5", "0501", 2016, "草原鼠害防治工作总结", "示例市人民政府办公室", "", dict(status="未审")),
    ("V1", "0501", 1958, "关于做好蝗虫防治工作的通知", "示例市人民政府办公室", "", dict(status="开放")),
    ("V2", "0501", 1962, "关于蝗灾情况的报告", "示例市人民政府办公室", "", dict(status="开放")),
    ("V3", "0501", 2005, "关于草原蝗虫监测预警工作的请示", "示例市人民政府办公室", "", dict(status="未审")),
    ("V4", "0501", 1954, "關於撲滅蝗災的緊急指示", "示例市人民政府", "", dict(status="开放")),
    ("B1", "0504", 1983, "关于革命烈士纪念碑修缮工作的请示", "示例市文化局", "", dict(status="开放")),
    ("B2", "0504", 2010, "碑刻拓片征集工作方案", "示例市文化局", "", dict(status="未审")),
    ("B3", "0504", 1955, "關於保護古代碑刻的通知", "示例市文化局", "", dict(status="开放")),
    ("C1", "0504", 2001, "关于鼓楼钟楼修缮工程的请示", "示例市文化局", "", dict(status="未审")),
    ("C2", "0504", 1953, "關於鐘樓修繕經費的報告", "示例市文化局", "", dict(status="开放")),
    ("Z1", "0501", 1979, "关于知青返城安置工作的通知", "示例市人民政府办公室", "", dict(status="开放")),
    ("Z2", "0502", 2008, "知青档案整理工作方案", "示例市档案局", "", dict(status="未审")),
    ("Z3", "0501", 2012, "关于保障群众知情权的意见", "示例市人民政府办公室", "", dict(status="未审")),
    ("G1", "0501", 1988, "关于加强户籍管理工作的通知", "示例市公安局", "", dict(status="开放")),
    ("G2", "0501", 1995, "公安派出所设置方案", "示例市公安局", "", dict(status="开放")),
    ("G3", "0501", 2006, "关于公安交通管理体制改革的请示", "示例市公安局", "", dict(status="未审")),
    ("G4", "0501", 2015, "关于调整春节期间办公安排的通知", "示例市人民政府办公室", "", dict(status="未审")),
    ("H1", "0501", 1994, "关于支援沿海省份抗击台风灾害的通知", "示例市人民政府办公室", "", dict(status="开放")),
    ("H2", "0501", 1953, "關於颱風災害捐款的通知", "示例市人民政府", "", dict(status="开放")),
    ("H3", "0501", 2018, "关于广播电台风险隐患排查的通知", "示例市人民政府办公室", "", dict(status="未审")),
    ("H4", "0501", 2019, "台风“利奇马”灾区援助物资调拨情况的报告", "示例市人民政府办公室", "", dict(status="未审")),
    ("K1", "0503", 1992, "关于开展乙肝疫苗接种工作的通知", "示例市卫生局", "", dict(status="开放")),
    ("K2", "0503", 2021, "关于新冠病毒疫苗接种工作的实施方案", "示例市卫生健康委员会", "", dict(status="未审")),
    # Ranking: the word in one title, and in other records' author or remarks only.
    ("E1", "0501", 2005, "关于街道办事处办公用房调整的请示", "示例市鼓楼街道办事处", "", dict(status="未审")),
    ("E2", "0501", 2007, "关于老城区危房改造的报告", "示例市人民政府办公室", "", dict(status="未审", remarks="涉及鼓楼周边民居")),
    ("E3", "0504", 1983, "关于征集民间刺绣藏品的请示", "示例市文化局", "", dict(status="开放", remarks="附湘西来函复印件")),
    # Latin letters and digits, half- and full-width.
    ("W1", "0501", 2012, "关于启用OA系统办公的通知", "示例市人民政府办公室", "", dict(status="未审", carrier="电子")),
    ("W2", "0501", 2018, "示例市OA系统升级改造方案", "示例市人民政府办公室", "", dict(status="未审", carrier="电子")),
    ("W3", "0502", 2009, "ＩＳＯ９００１质量管理体系认证材料", "示例市档案局", "", dict(status="未审")),
    ("W4", "0502", 2015, "ISO9001质量管理体系内审报告", "示例市档案局", "", dict(status="未审")),
    ("W5", "0501", 2020, "关于加快5G基站建设的通知", "示例市人民政府办公室", "", dict(status="未审")),
    ("W6", "0501", 2013, "关于推进无纸化办公系统建设的意见", "示例市人民政府办公室", "", dict(status="未审")),
    # Traditional and simplified forms of one title, 善后, 常务会议.
    ("T1", "0502", 1988, "关于加强档案安全工作的意见", "示例市档案局", "", dict(status="开放")),
    ("T2", "0502", 2005, "关于加强档案安全工作的意见", "示例市档案局", "", dict(status="未审")),
    ("SH1", "0501", 2017, "关于新井煤矿事故善后工作的报告", "示例市人民政府办公室", "", dict(status="未审")),
    ("SH2", "0501", 1954, "關於水災善後救濟工作的報告", "示例市人民政府", "", dict(status="开放")),
    ("CW1", "0501", 1996, "示例市人民政府第12次常务会议纪要", "示例市人民政府", "", dict(status="开放")),
    ("CW2", "0501", 2003, "示例市人民政府第5次常务会议纪要", "示例市人民政府", "", dict(status="未审")),
    ("CW3", "0501", 1955, "示例市人民政府第3次常務會議紀要", "示例市人民政府", "", dict(status="开放")),
    # 2021年 found by 2021.
    ("Y1", "0502", 2021, "2021年度档案工作总结", "示例市档案局", "", dict(status="未审", date="20211228")),
    ("Y2", "0502", 2020, "2020年度档案工作总结", "示例市档案局", "", dict(status="未审", date="20201230")),
    ("Y3", "0501", 2021, "2021年度防汛工作总结", "示例市人民政府办公室", "", dict(status="未审")),
    # Traditional Mongolian: MVS, FVS, NNBSP and plain-space spellings of the same words.
    ("MG1", "0502", 2012, f"ᠬᠥᠬᠡᠬᠣᠲ{MVS}ᠠ{NNBSP}ᠶᠢᠨ ᠠᠷᠬᠢᠪ{NNBSP}ᠤᠨ ᠠᠵᠢᠯ", "示例市档案局", "", dict(status="未审")),
    ("MG2", "0501", 2016, "ᠬᠥᠬᠡᠬᠣᠲᠠ ᠶᠢᠨ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ", "示例市人民政府办公室", "", dict(status="未审")),
    ("MG3", "0501", 2008, f"ᠨᠠᠭᠠᠳᠤᠮ{NNBSP}ᠤᠨ ᠪᠡᠯᠡᠳᠬᠡᠯ{NNBSP}ᠦᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ", "示例市人民政府办公室", "", dict(status="未审")),
    ("MG4", "0501", 2014, f"ᠨᠠᠭ{FVS1}ᠠᠳᠤᠮ{NNBSP}ᠤᠨ ᠬᠤᠷᠠᠯ{NNBSP}ᠤᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ", "示例市人民政府办公室", "", dict(status="未审")),
    ("MG5", "0504", 2019, f"关于乌兰牧骑档案整理工作的通知（ᠤᠯᠠᠭᠠᠨ ᠮᠥᠴᠢᠳ{NNBSP}ᠦᠨ ᠠᠷᠬᠢᠪ）", "示例市文化局", "", dict(status="未审")),
    ("MG6", "0504", 2011, "ᠤᠯᠠᠭᠠᠨ ᠮᠥᠴᠢᠳ ᠦᠨ ᠲᠣᠭᠯᠠᠯᠲ ᠤᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ", "示例市文化局", "", dict(status="未审")),
]


def targets():
    recs = []
    for tag, fonds, year, title, author, docno, extra in TARGETS:
        recs.append(Rec(fonds, year, title, author, docno, extra.get("ret", "Y"), extra.get("org", "BGS"), extra.get("cls", ""),
                        extra["status"], extra.get("carrier", "纸质"), extra.get("remarks", ""), extra.get("date") or random_date(year),
                        pages=rng.randrange(1, 30), tag=tag))
    return recs


def sample():
    recs = []
    with open(os.path.join(HERE, "..", "..", "Catalogue", "Import", "Samples", "catalogue-0426-ws.csv"), encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            recs.append(Rec(row["全宗号"], int(row["年度"]), row["题名"], row["责任者"], row["文号"], row["保管期限"], row["机构(问题)"],
                            row["密级"], "", "", row["备注"], row["日期"], code=row["档号"], item=int(row["件号"]), tag="sample",
                            pages=int(row["页数"]) if row["页数"] else None))
    return recs


def number(recs):
    """Items are numbered from 1 in date order inside their lowest class (DA/T 22-2015)."""
    groups = {}
    for r in recs:
        if r.code is None:
            groups.setdefault((r.fonds, r.cat, r.year, r.ret, r.org), []).append(r)
    for (fonds, cat, year, ret, org), items in groups.items():
        items.sort(key=lambda r: (r.date, r.title))
        for i, r in enumerate(items, 1):
            r.item = i
            r.code = f"{fonds}-{cat}·{year}-{ret}-{org}-{i:04d}"


# ---------------------------------------------------------------------------------------------------------------------
# Judging

def is_han(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF or c == "〇"


def is_mongolian_letter(c):
    return 0x1820 <= ord(c) <= 0x18AA or ord(c) in (0x1880, 0x1881)


def tokens(folded):
    out, run, kind = [], "", None
    for c in folded + " ":
        k = "han" if is_han(c) else "digit" if c.isdigit() and c.isascii() else "latin" if c.isascii() and c.isalpha() else \
            "mn" if is_mongolian_letter(c) else None
        if k == kind and k in ("digit", "latin", "mn"):
            run += c
            continue
        if run:
            out.append(run)
        run, kind = (c, k) if k else ("", None)
        if k == "han":
            out.append(c)
            run, kind = "", None
    return out


FOLD_CACHE = {}


def fold_many(texts):
    todo = [t for t in set(texts) if t not in FOLD_CACHE]
    nfkc = [unicodedata.normalize("NFKC", t) for t in todo]
    simp = t2s(nfkc)
    for t, s in zip(todo, simp):
        s = s.lower()
        for ch in ("\u180b", "\u180c", "\u180d", "\u180f", "\u180e", "\u200d", "\u200c"):
            s = s.replace(ch, "")
        s = s.replace(NNBSP, " ")
        FOLD_CACHE[t] = tuple(tokens(s))


def fold(text):
    if text not in FOLD_CACHE:
        fold_many([text])
    return FOLD_CACHE[text]


def contains(hay, needle):
    n = len(needle)
    return n > 0 and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def bag(hay, needle):
    return n_all(hay, needle) and not contains(hay, needle)


def n_all(hay, needle):
    return all(t in hay for t in needle)


FIELDS = {"题名": "title", "责任者": "author", "文号": "docno", "档号": "code", "备注": "remarks"}
STAFF_FIELDS = ["title", "author", "docno", "code", "remarks", "org"]
PUBLIC_FIELDS = ["title", "author", "docno", "code", "org"]


def field_text(r, field):
    return {"title": r.title, "author": r.author, "docno": r.docno, "code": r.code, "remarks": r.remarks, "org": r.org}[field] or ""


def word(text, fields=None):
    """A query word: its tokens, contiguous, in one of the fields."""
    needle = fold(text)
    return lambda r, audience: any(contains(fold(field_text(r, f)), needle) for f in (fields or (STAFF_FIELDS if audience == "staff" else PUBLIC_FIELDS)))


def all_of(*preds):
    return lambda r, a: all(p(r, a) for p in preds)


def any_of(*preds):
    return lambda r, a: any(p(r, a) for p in preds)


def not_(p):
    return lambda r, a: not p(r, a)


def years(lo, hi):
    return lambda r, a: lo <= r.year <= hi


def words(query):
    return all_of(*[word(w) for w in query.split()])


def visible(r, audience):
    if audience == "staff":
        return True
    assert r.status != "部分开放", f"{r.code} is partly open: keep such records out of public queries"
    return r.status == "开放" and r.cls == ""


# ---------------------------------------------------------------------------------------------------------------------
# Queries: (id, query, kind, judge, options). options: audience, first (tag or code of the record that must be first),
# exclude (tags judged not relevant by hand), forbidden (a judge of records that must not be returned at all).

def Q(qid, query, kind, judge=None, **options):
    return dict(id=qid, query=query, kind=kind, judge=judge or words(query), **options)


def tagged(*tags):
    return lambda r, a: r.tag in tags


SHEN = word("沈从文")
QUERIES = [
    # simplified
    Q("simp-01", "沈从文", "simplified", note="pulibrary/bibdata#1841: 沈从文 and 沈從文 must give the same records, OCR-spaced too"),
    Q("simp-02", "档案馆新馆建设", "simplified"),
    Q("simp-03", "红色档案征集", "simplified"),
    Q("simp-04", "关于进一步加强全区档案工作的意见", "simplified", first="D1", note="full title: the record first, not its 实施意见 neighbour"),
    Q("simp-05", "关于加强档案安全工作的意见", "simplified", note="simplified query finds the sample's traditional 關於加強檔案安全工作的意見"),
    Q("simp-06", "农业合作化", "simplified", note="1953–1958 records, those before 1956 in traditional characters"),
    Q("simp-07", "布鲁氏菌病", "simplified"),
    Q("simp-08", "重特大事件档案管理办法", "simplified"),
    Q("simp-09", "沈从文", "simplified", audience="public", forbidden=all_of(SHEN, lambda r, a: not (r.status == "开放" and r.cls == "")),
      note="the public sees only open, unclassified records"),
    Q("simp-10", "鼠疫", "simplified", audience="public", forbidden=all_of(word("鼠疫"), lambda r, a: not (r.status == "开放" and r.cls == ""))),
    Q("simp-11", "内政发〔2019〕3号", "docno", audience="public", forbidden=tagged("D1"),
      note="unreviewed: nothing for the public"),
    Q("simp-12", "新井煤矿事故", "simplified"),
    Q("simp-13", "鼓楼", "simplified", first="C1", note="title match first, before an author and a remark holding the word"),
    Q("simp-14", "湘西", "simplified", first="S3", note="title match first, before a remark"),
    Q("simp-15", "OCR录入", "simplified", note="staff search remarks"),
    Q("simp-16", "OCR录入", "simplified", audience="public", forbidden=all_of(word("OCR录入", ["remarks"]), lambda r, a: r.status == "开放" and r.cls == ""),
      note="the public does not search remarks: open records matched only there stay hidden"),
    # traditional
    Q("trad-01", "檔案", "traditional", note="檔案 → 档案: the whole catalogue nearly; the top 10 must all hold 档案"),
    Q("trad-02", "沈從文", "traditional"),
    Q("trad-03", "檔案館新館建設", "traditional"),
    Q("trad-04", "關於加強檔案安全工作的意見", "traditional"),
    Q("trad-05", "颱風", "traditional", exclude=["H3"], note="电台风险 shares 台风 but not the word"),
    Q("trad-06", "善後", "traditional"),
    Q("trad-07", "常務會議紀要", "traditional"),
    Q("trad-08", "農業合作化", "traditional"),
    Q("trad-09", "撲滅蝗災", "traditional", first="V4"),
    Q("trad-10", "愛國增產節約運動", "traditional"),
    # traditional Mongolian
    Q("mong-01", "ᠬᠥᠬᠡᠬᠣᠲᠠ", "mongolian", note="no MVS in the query; one title has ᠬᠣᠲ+MVS+ᠠ"),
    Q("mong-02", f"ᠬᠥᠬᠡᠬᠣᠲ{MVS}ᠠ", "mongolian", note="MVS in the query"),
    Q("mong-03", "ᠨᠠᠭᠠᠳᠤᠮ", "mongolian", note="one title has FVS1 after ᠭ"),
    Q("mong-04", f"ᠨᠠᠭ{FVS1}ᠠᠳᠤᠮ", "mongolian", note="FVS1 in the query"),
    Q("mong-05", "ᠠᠷᠬᠢᠪ", "mongolian", note="the stem, whether its suffix follows after NNBSP or a space"),
    Q("mong-06", "ᠤᠯᠠᠭᠠᠨ ᠮᠥᠴᠢᠳ", "mongolian", note="also inside a Chinese title"),
    Q("mong-07", "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ", "mongolian"),
    Q("mong-08", f"\"ᠠᠷᠬᠢᠪ{NNBSP}ᠤᠨ ᠠᠵᠢᠯ\"", "mongolian", judge=word(f"ᠠᠷᠬᠢᠪ{NNBSP}ᠤᠨ ᠠᠵᠢᠯ"),
      note="phrase typed with NNBSP finds the sample's plain-space spelling"),
    Q("mong-09", "ᠠᠷᠬᠢᠪ ᠤᠨ ᠠᠵᠢᠯ", "mongolian", note="plain spaces find the NNBSP spelling"),
    # document numbers
    Q("doc-01", "内政发〔2019〕3号", "docno", first="D1"),
    Q("doc-02", "内政发[2019]3号", "docno", first="D1", judge=word("内政发〔2019〕3号")),
    Q("doc-03", "内政发（2019）3号", "docno", first="D1", judge=word("内政发〔2019〕3号")),
    Q("doc-04", "内政发(2019)3号", "docno", first="D1", judge=word("内政发〔2019〕3号")),
    Q("doc-05", "内政发【2019】3号", "docno", first="D1", judge=word("内政发〔2019〕3号")),
    Q("doc-06", "示市政办发〔2021〕12号", "docno", first="D2"),
    Q("doc-07", "〔2021〕12号", "docno", note="both prefixes; not 112号 or 120号 or 〔2020〕12号"),
    Q("doc-08", "[2021]12号", "docno", judge=word("〔2021〕12号")),
    Q("doc-09", "2021 12号", "docno", note="〔2021〕12号 found by 2021 and 12号"),
    Q("doc-10", "内政发", "docno", note="the prefix alone: not 内政办发"),
    Q("doc-11", "示署发〔1985〕7号", "docno", first="O1", note="stored as 示署发〔1985〕7 号 (OCR space)"),
    Q("doc-12", "2021 档案工作总结", "docno", first="Y1", note="2021年度 found by 2021"),
    Q("doc-13", "0426-WS·2016-Y-BGS-0001", "docno", first="0426-WS·2016-Y-BGS-0001", note="an archival code typed in the box"),
    Q("doc-14", "0426-WS·2016-Y-BGS", "docno", note="the code of a class: its items"),
    # one character
    Q("one-01", "鼠", "onechar"),
    Q("one-02", "蝗", "onechar"),
    Q("one-03", "碑", "onechar"),
    Q("one-04", "鐘", "onechar", note="traditional single character → 钟"),
    # two characters
    Q("two-01", "鼠疫", "twochar"),
    Q("two-02", "蝗灾", "twochar"),
    Q("two-03", "碑刻", "twochar"),
    Q("two-04", "知青", "twochar", note="not 知情权"),
    Q("two-05", "公安", "twochar", exclude=["G4"], note="办公安排 shares 公安 but not the word (a bigram index cannot tell)"),
    Q("two-06", "疫苗", "twochar"),
    Q("two-07", "台风", "twochar", exclude=["H3"]),
    Q("two-08", "鐘樓", "twochar"),
    # phrases
    Q("phr-01", "\"档案馆建设\"", "phrase", judge=word("档案馆建设"), forbidden=lambda r, a: any(bag(fold(field_text(r, f)), fold("档案馆建设")) for f in STAFF_FIELDS) and not word("档案馆建设")(r, a),
      note="not 档案馆新馆建设 nor 建设新的档案馆"),
    Q("phr-02", "\"沈从文书信\"", "phrase", judge=word("沈从文书信"), first="S6", forbidden=tagged("S2")),
    Q("phr-03", "\"档案安全\"", "phrase", judge=word("档案安全")),
    Q("phr-04", "\"红色档案\"", "phrase", judge=word("红色档案")),
    Q("phr-05", "\"乌兰牧骑档案整理\"", "phrase", judge=word("乌兰牧骑档案整理")),
    # fields
    Q("fld-01", "题名:沈从文", "field", judge=word("沈从文", ["title"]), forbidden=tagged("S3", "S7")),
    Q("fld-02", "责任者:沈从文", "field", judge=word("沈从文", ["author"]), forbidden=tagged("S4", "S5", "S6", "S8")),
    Q("fld-03", "责任者:沈從文", "field", judge=word("沈从文", ["author"]), forbidden=tagged("S4", "S5", "S6", "S8")),
    Q("fld-04", "文号:内政发〔2019〕3号", "field", judge=word("内政发〔2019〕3号", ["docno"]), first="D1"),
    Q("fld-05", "防汛 年度:2001-2010", "field", judge=all_of(word("防汛"), years(2001, 2010)),
      forbidden=all_of(word("防汛"), not_(years(2001, 2010)))),
    Q("fld-06", "题名:鼠疫 年度:1950-1960", "field", judge=all_of(word("鼠疫", ["title"]), years(1950, 1960)), forbidden=tagged("R4")),
    Q("fld-07", "题名:档案馆新馆建设 年度:2016-2017", "field", judge=all_of(word("档案馆新馆建设", ["title"]), years(2016, 2017)),
      forbidden=all_of(word("档案馆新馆建设", ["title"]), not_(years(2016, 2017)))),
    Q("fld-08", "责任者:示例市公安局", "field", judge=word("示例市公安局", ["author"])),
    Q("fld-09", "文号:〔2021〕12号", "field", judge=word("〔2021〕12号", ["docno"])),
    # boolean
    Q("bool-01", "沈从文 AND 书信", "boolean", judge=all_of(SHEN, word("书信"))),
    Q("bool-02", "沈从文 NOT 书信", "boolean", judge=all_of(SHEN, not_(word("书信"))), forbidden=all_of(SHEN, word("书信"))),
    Q("bool-03", "鼠疫 OR 蝗灾", "boolean", judge=any_of(word("鼠疫"), word("蝗灾"))),
    Q("bool-04", "(鼠疫 OR 蝗虫) AND 防治", "boolean", judge=all_of(any_of(word("鼠疫"), word("蝗虫")), word("防治"))),
    Q("bool-05", "档案安全 NOT 应急", "boolean", judge=all_of(word("档案安全"), not_(word("应急"))), forbidden=all_of(word("档案安全"), word("应急"))),
    Q("bool-06", "台风 NOT 电台", "boolean", judge=all_of(word("台风"), not_(word("电台"))), forbidden=tagged("H3")),
    # width
    Q("wid-01", "ＯＡ系统", "width"),
    Q("wid-02", "oa系统", "width"),
    Q("wid-03", "ISO9001", "width", note="one stored in full-width ＩＳＯ９００１"),
    Q("wid-04", "ＩＳＯ９００１", "width"),
    Q("wid-05", "５Ｇ基站", "width", first="W5"),
    Q("wid-06", "内政发〔２０１９〕３号", "width", first="D1"),
    # OCR spaces
    Q("ocr-01", "建立示例市档案馆", "ocr", note="one title stored as 关 于 建 立 示 例 市 档 案 馆 的 请 示"),
    Q("ocr-02", "示 例 市 档 案 馆", "ocr", judge=word("示例市档案馆")),
    Q("ocr-03", "内政发〔2019〕3 号", "ocr", first="D1", judge=word("内政发〔2019〕3号")),
    Q("ocr-04", "沈从文先生手稿", "ocr", first="S5"),
    Q("ocr-05", "蝗 灾", "ocr", judge=word("蝗灾")),
]


def main():
    recs = sample() + filler() + targets()
    number(recs)
    codes = [r.code for r in recs]
    assert len(codes) == len(set(codes)), "duplicate archival codes"
    by_tag = {r.tag: r for r in recs if r.tag not in ("sample", "filler", "filler-mn")}
    by_code = {r.code: r for r in recs}
    fold_many([field_text(r, f) for r in recs for f in STAFF_FIELDS])

    with open(os.path.join(HERE, "corpus.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff" + ",".join(HEADER) + "\n")
        for r in sorted(recs, key=lambda r: r.code):
            row = [r.code, r.fonds, r.cat, str(r.year), r.ret, r.org, str(r.item), r.author, r.docno, r.title, r.date or "",
                   "" if r.pages is None else str(r.pages), r.cls, r.status or "", r.carrier or "", r.remarks]
            for cell in row:
                assert "," not in cell and '"' not in cell and "\n" not in cell, cell
            f.write(",".join(row) + "\n")

    out = []
    for q in QUERIES:
        audience = q.get("audience", "staff")
        exclude = set(q.get("exclude", []))
        relevant = [r for r in recs if q["judge"](r, audience) and visible(r, audience) and r.tag not in exclude]

        def rank(r):
            fields = ["title", "docno", "code", "author", "remarks", "org"]
            hits = [i for i, f in enumerate(fields) if any(contains(fold(field_text(r, f)), fold(w.strip('"'))) for w in q["query"].split())]
            return (min(hits) if hits else 9, len(r.title), r.code)

        relevant.sort(key=rank)
        first = q.get("first")
        if first:
            lead = by_tag[first] if first in by_tag else by_code[first]
            assert lead in relevant, f"{q['id']}: {first} is not judged relevant"
            relevant.remove(lead)
            relevant.insert(0, lead)
        forbidden = [r.code for r in recs if q.get("forbidden") and q["forbidden"](r, audience)]
        assert not set(forbidden) & {r.code for r in relevant}, q["id"]
        if q["id"] not in ("simp-11", "simp-16"):
            assert relevant, f"{q['id']}: nothing relevant"
        item = dict(id=q["id"], query=q["query"], kind=q["kind"], audience=audience, expected=[r.code for r in relevant],
                    minInTop10=min(10, len(relevant)), firstMustBeFirst=bool(first))
        if forbidden:
            item["forbidden"] = forbidden
        if q.get("note"):
            item["note"] = q["note"]
        out.append(item)

    text = json.dumps(dict(
        description="Lantai search relevance set (issue 4 §7). expected: every record judged relevant, most relevant first; "
                    "minInTop10: how many of them must be among the first 10 hits; firstMustBeFirst: expected[0] must be hit 1; "
                    "forbidden: records that must not be returned at all (access, NOT, phrase, field and year limits). "
                    "Corpus: corpus.csv beside this file. Generated by generate_corpus.py.",
        corpus="corpus.csv", records=len(recs), queries=out), ensure_ascii=False, indent=1)
    # Invisible Mongolian controls are written as escapes, so the file shows what a query holds.
    for ch in (NNBSP, MVS, FVS1, "\u180c", "\u180d", "\u180f"):
        text = text.replace(ch, "\\u%04x" % ord(ch))
    with open(os.path.join(HERE, "relevance-set.json"), "w", encoding="utf-8") as f:
        f.write(text + "\n")

    kinds = {}
    for q in out:
        kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
    print(f"{len(recs)} records ({sum(1 for r in recs if r.tag == 'sample')} sample), {len(out)} queries: {kinds}")
    for q in out:
        print(f"  {q['id']:8} {len(q['expected']):4} relevant  {len(q.get('forbidden', [])):4} forbidden  {q['query']}")


if __name__ == "__main__":
    main()
