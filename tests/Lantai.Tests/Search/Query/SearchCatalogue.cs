using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Search;
using Lantai.Tests.Infrastructure;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Record = Lantai.Catalogue.Record;

namespace Lantai.Tests.Search.Query;

/// <summary>
/// A small catalogue for the query tests, made with FondsService/RecordService and indexed through the outbox
/// (SearchIndexer.CatchUpAsync); content text is added to the documents afterwards, as the content indexer will.
/// Every open status and classification occurs, so access can be checked record by record.
/// </summary>
public sealed class SearchCatalogue : IAsyncDisposable
{
    private readonly Dictionary<string, Record> _records = new(StringComparer.Ordinal);

    private SearchCatalogue(TestDatabase database, LantaiDbContext db, SearchIndex index)
    {
        Database = database;
        Db = db;
        Index = index;
    }

    public TestDatabase Database { get; }

    public LantaiDbContext Db { get; }

    public SearchIndex Index { get; }

    /// <summary>The records by their short test name.</summary>
    public IReadOnlyDictionary<string, Record> Records => _records;

    public static async Task<SearchCatalogue> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var db = database.CreateContext();
        var catalogue = new SearchCatalogue(database, db, new SearchIndex(database.Options));
        await catalogue.FillAsync();
        return catalogue;
    }

    public SearchService Service() => new(Index, Db);

    public string NameOf(RecordId id) => _records.Single(r => r.Value.Id == id).Key;

    public async Task<SearchResponse> SearchAsync(string query, SearchAudience audience = SearchAudience.Staff, int clearance = 4, Func<SearchRequest, SearchRequest>? change = null)
    {
        var request = new SearchRequest { Query = query, Audience = audience, Clearance = clearance };
        var result = await Service().SearchAsync(change?.Invoke(request) ?? request, default);
        Assert.True(result.Succeeded, result.Succeeded ? "" : result.Errors[0].Message);
        return result.Value;
    }

    /// <summary>The short names of the hits, in order.</summary>
    public async Task<List<string>> NamesAsync(string query, SearchAudience audience = SearchAudience.Staff, int clearance = 4, Func<SearchRequest, SearchRequest>? change = null) =>
        [.. (await SearchAsync(query, audience, clearance, change)).Hits.Select(h => NameOf(h.Id))];

    /// <summary>Adds a record through RecordService and brings the index up to date through the outbox, as the engine does.</summary>
    public async Task AddAndIndexAsync(string name, string title, OpenStatus openStatus = OpenStatus.Open)
    {
        await AddAsync(name, Draft(title, 2020, "Y") with { OpenStatus = openStatus });
        await new SearchIndexer(Db, Index).CatchUpAsync(default);
    }

    private async Task FillAsync()
    {
        var fonds = new FondsService(Db, TimeProvider.System);
        Ok(await fonds.CreateAsync(new FondsDraft { Code = "0426", Name = "示例旗档案局" }, "test", default));
        Ok(await fonds.CreateAsync(new FondsDraft { Code = "X013", Name = "示例市第二档案馆" }, "test", default));

        await AddAsync("征集批复", Draft("关于档案征集工作的批复", 2016, "Y") with
        {
            Author = "示例旗档案局",
            DocumentNumber = "示档发〔2016〕12号",
            Date = new DateOnly(2016, 5, 3),
            OpenStatus = OpenStatus.Open,
            Carrier = "纸质",
            Remarks = "原件有水渍",
        });
        await AddAsync("安全检查", Draft("关于开展档案安全检查的通知", 2018, "D30") with
        {
            Author = "示例旗人民政府",
            DocumentNumber = "示政发〔2018〕3号",
            Date = new DateOnly(2018, 9, 1),
            OpenStatus = OpenStatus.Open,
            Carrier = "纸质",
        });
        await AddAsync("工作总结", Draft("二〇一〇年度工作总结", 2010, "D10") with
        {
            Author = "示例旗档案局",
            Date = new DateOnly(2010, 12, 30),
            OpenStatus = OpenStatus.PartlyOpen,
            Carrier = "纸质",
        });
        await AddAsync("干部任免", Draft("干部任免的请示", 2005, "Y") with { Author = "示例旗组织部", Date = new DateOnly(2005, 3, 1), OpenStatus = OpenStatus.Controlled });
        await AddAsync("基建报告", Draft("关于基建项目档案的报告", 2003, "Y") with { Date = new DateOnly(2003, 7, 15), OpenStatus = OpenStatus.Unreviewed });
        await AddAsync("边境秘密", Draft("关于边境档案工作的意见", 2015, "Y") with { Date = new DateOnly(2015, 1, 10), OpenStatus = OpenStatus.Open, Classification = "秘密" });
        await AddAsync("内部办法", Draft("档案馆内部管理办法", 2014, "D30") with { Date = new DateOnly(2014, 6, 6), OpenStatus = OpenStatus.Open, Classification = "内部" });
        await AddAsync("会议纪要", Draft("局务会议纪要", 2017, "D10") with { Date = new DateOnly(2017, 2, 2), OpenStatus = OpenStatus.Open, Remarks = "涉及征地补偿争议" });
        await AddAsync("外包合同", Draft("档案数字化外包服务合同", 2012, "D30") with
        {
            FondsCode = "X013",
            Date = new DateOnly(2012, 11, 20),
            OpenStatus = OpenStatus.Open,
            Carrier = "电子",
            DocumentNumber = "示二档〔2012〕5号",
        });

        await new SearchIndexer(Db, Index).CatchUpAsync(default);

        // Content as the content indexer will add it: the documents are replaced with text included.
        await SetContentAsync("征集批复", string.Concat(Enumerable.Repeat("各乡镇苏木：为做好本年度工作，现将有关事项通知如下。", 6)) + "经研究，同意你局开展档案征集工作，征集范围包括革命历史档案。" + string.Concat(Enumerable.Repeat("特此批复。", 20)));
        await SetContentAsync("安全检查", "请各单位于年底前报送档案安全工作总结。");
        await SetContentAsync("工作总结", "本年度完成补偿标准的核定工作，并整理档案三百卷。");
    }

    private static RecordDraft Draft(string title, int year, string retention) => new()
    {
        FondsCode = "0426",
        Year = year,
        RetentionCode = retention,
        OrgUnitCode = "BGS",
        Title = title,
    };

    private async Task AddAsync(string name, RecordDraft draft)
    {
        var result = await new RecordService(Db, TimeProvider.System).CreateAsync(draft, "test", default);
        _records[name] = Ok(result);
    }

    private async Task SetContentAsync(string name, string content)
    {
        var record = await Db.Records.AsNoTracking().SingleAsync(r => r.Id == _records[name].Id);
        Index.Writer.UpdateDocument(new Term(SearchFields.Id, record.Id.ToString()), SearchDocumentBuilder.Build(new SearchSource(record, "办公室", content)));
        Index.Commit(Index.CommittedCursor);
    }

    private static T Ok<T>(Lantai.Common.Result<T> result)
    {
        Assert.True(result.Succeeded, result.Succeeded ? "" : result.Errors[0].Message);
        return result.Value;
    }

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        await Db.DisposeAsync();
        await Database.DisposeAsync();
    }
}
