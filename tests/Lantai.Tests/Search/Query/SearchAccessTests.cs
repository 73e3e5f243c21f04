using Lantai.Search;
using Lantai.Tests.Infrastructure;

namespace Lantai.Tests.Search.Query;

/// <summary>Who sees what: the access filter is part of the index query, so totals, pages and facets all follow it.</summary>
public sealed class SearchAccessTests
{
    private static readonly string[] PublicRecords = ["会议纪要", "外包合同", "安全检查", "工作总结", "征集批复"];
    private static readonly string[] UnclassifiedRecords = ["会议纪要", "基建报告", "外包合同", "安全检查", "工作总结", "干部任免", "征集批复"];

    private static List<string> Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Public_SeesOnlyOpenAndPartlyOpenUnclassifiedRecords(DatabaseProvider provider)
    {
        await using var catalogue = await SearchCatalogue.CreateAsync(provider);

        var all = await catalogue.SearchAsync("", SearchAudience.Public, change: r => r with { PageSize = 100 });
        var byWord = await catalogue.NamesAsync("档案", SearchAudience.Public);
        var byField = await catalogue.NamesAsync("开放状态:控制 OR 开放状态:未审 OR 题名:边境 OR 题名:内部", SearchAudience.Public);

        Assert.Equal(Sorted(PublicRecords), Sorted(all.Hits.Select(h => catalogue.NameOf(h.Id))));
        Assert.Equal(5, all.Total);
        Assert.Equal(5, all.Facets.Single(f => f.Field == SearchFields.FondsCode).Values.Sum(v => v.Count));
        Assert.DoesNotContain(all.Facets, f => f.Field == SearchFields.Classification);
        Assert.Equal(["外包合同", "安全检查", "工作总结", "征集批复"], Sorted(byWord));
        Assert.Empty(byField);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Public_NeverFindsARecordByItsRemarks(DatabaseProvider provider)
    {
        await using var catalogue = await SearchCatalogue.CreateAsync(provider);

        var publicHits = await catalogue.NamesAsync("征地补偿", SearchAudience.Public);
        var staffHits = await catalogue.NamesAsync("征地补偿", SearchAudience.Staff, clearance: 0);
        var remarksField = await catalogue.Service().SearchAsync(new SearchRequest { Query = "备注:征地", Audience = SearchAudience.Public }, default);
        var classField = await catalogue.Service().SearchAsync(new SearchRequest { Query = "密级:秘密", Audience = SearchAudience.Public }, default);

        Assert.Empty(publicHits);
        Assert.Equal(["会议纪要"], staffHits);
        Assert.Contains("备注", Assert.Single(remarksField.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("密级", Assert.Single(classField.Errors).Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Public_SearchesContentOfOpenRecordsOnly(DatabaseProvider provider)
    {
        await using var catalogue = await SearchCatalogue.CreateAsync(provider);

        var openContent = await catalogue.NamesAsync("革命历史", SearchAudience.Public);
        var partlyOpenContent = await catalogue.NamesAsync("补偿标准", SearchAudience.Public);
        var partlyOpenByField = await catalogue.NamesAsync("全文:补偿标准", SearchAudience.Public);
        var staff = await catalogue.NamesAsync("补偿标准", SearchAudience.Staff, clearance: 0);
        var titleOfPartlyOpen = await catalogue.SearchAsync("工作总结 OR 补偿标准", SearchAudience.Public);

        Assert.Equal(["征集批复"], openContent);
        Assert.Empty(partlyOpenContent);
        Assert.Empty(partlyOpenByField);
        Assert.Equal(["工作总结"], staff);
        var partlyOpen = titleOfPartlyOpen.Hits.Single(h => catalogue.NameOf(h.Id) == "工作总结");
        Assert.DoesNotContain(partlyOpen.Snippets, s => s.Field == SearchFields.Content);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Public_HitsCarryNoClassificationOrRemarks(DatabaseProvider provider)
    {
        await using var catalogue = await SearchCatalogue.CreateAsync(provider);

        var publicHit = (await catalogue.SearchAsync("征集", SearchAudience.Public)).Hits.Single();
        var staffHit = (await catalogue.SearchAsync("征集", SearchAudience.Staff, clearance: 0)).Hits.Single();

        Assert.Null(publicHit.Remarks);
        Assert.Null(publicHit.Classification);
        Assert.Equal("原件有水渍", staffHit.Remarks);
        Assert.Equal("", staffHit.Classification);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Staff_SeeClassifiedRecordsUpToTheirClearance(DatabaseProvider provider)
    {
        await using var catalogue = await SearchCatalogue.CreateAsync(provider);

        async Task<(List<string> All, List<string> Found, long ClassFacet)> AsAsync(int clearance)
        {
            var all = await catalogue.SearchAsync("", SearchAudience.Staff, clearance, r => r with { PageSize = 100 });
            var found = await catalogue.NamesAsync("边境 OR 内部管理 OR 密级:秘密 OR 密级:内部", SearchAudience.Staff, clearance);
            return (Sorted(all.Hits.Select(h => catalogue.NameOf(h.Id))), Sorted(found), all.Facets.Single(f => f.Field == SearchFields.Classification).Values.Sum(v => v.Count));
        }

        var clearance0 = await AsAsync(0);
        var clearance1 = await AsAsync(1);
        var clearance2 = await AsAsync(2);

        Assert.Equal(Sorted(UnclassifiedRecords), clearance0.All);
        Assert.Empty(clearance0.Found);
        Assert.Equal(7, clearance0.ClassFacet);
        Assert.Equal(Sorted([.. UnclassifiedRecords, "内部办法"]), clearance1.All);
        Assert.Equal(["内部办法"], clearance1.Found);
        Assert.Equal(8, clearance1.ClassFacet);
        Assert.Equal(Sorted([.. UnclassifiedRecords, "内部办法", "边境秘密"]), clearance2.All);
        Assert.Equal(Sorted(["内部办法", "边境秘密"]), clearance2.Found);
        Assert.Equal(9, clearance2.ClassFacet);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Staff_SeeEveryOpenStatus(DatabaseProvider provider)
    {
        await using var catalogue = await SearchCatalogue.CreateAsync(provider);

        var response = await catalogue.SearchAsync("", SearchAudience.Staff, clearance: 0);

        Assert.Equal(
            new Dictionary<string, long> { ["Open"] = 4, ["PartlyOpen"] = 1, ["Controlled"] = 1, ["Unreviewed"] = 1 },
            response.Facets.Single(f => f.Field == SearchFields.OpenStatus).Values.ToDictionary(v => v.Value, v => v.Count));
    }
}
