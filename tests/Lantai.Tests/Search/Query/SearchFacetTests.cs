using Lantai.Search;

namespace Lantai.Tests.Search.Query;

public sealed class SearchFacetTests(SqliteCatalogueFixture fixture) : IClassFixture<SqliteCatalogueFixture>
{
    private SearchCatalogue Catalogue => fixture.Catalogue;

    private static Dictionary<string, long> Counts(SearchResponse response, string field) =>
        response.Facets.Single(f => f.Field == field).Values.ToDictionary(v => v.Value, v => v.Count);

    [Fact]
    public async Task Facets_Staff_CountEveryVisibleRecordWithChineseLabels()
    {
        var response = await Catalogue.SearchAsync("");

        Assert.Equal(SearchFields.StaffFacets, response.Facets.Select(f => f.Field));
        Assert.Equal(new Dictionary<string, long> { ["0426"] = 8, ["X013"] = 1 }, Counts(response, SearchFields.FondsCode));
        Assert.Equal(new Dictionary<string, long> { ["-"] = 7, ["秘密"] = 1, ["内部"] = 1 }, Counts(response, SearchFields.Classification));
        Assert.Equal(new Dictionary<string, long> { ["Y"] = 4, ["D30"] = 3, ["D10"] = 2 }, Counts(response, SearchFields.RetentionCode));
        var fonds = response.Facets.Single(f => f.Field == SearchFields.FondsCode).Values;
        Assert.Equal(("0426", "示例旗档案局"), (fonds[0].Value, fonds[0].Label));
        Assert.Equal("第二档案馆", fonds[1].Label[^5..]);
        var labels = response.Facets.SelectMany(f => f.Values.Select(v => (f.Field, v.Value, v.Label))).ToList();
        Assert.Contains((SearchFields.CategoryCode, "WS", "文书"), labels);
        Assert.Contains((SearchFields.RetentionCode, "Y", "永久"), labels);
        Assert.Contains((SearchFields.OpenStatus, "PartlyOpen", "部分开放"), labels);
        Assert.Contains((SearchFields.Classification, "-", "无密级"), labels);
        Assert.Contains((SearchFields.Carrier, "电子", "电子"), labels);
        Assert.Contains((SearchFields.Year, "2016", "2016"), labels);
    }

    [Fact]
    public async Task Facets_FollowTheQuery()
    {
        var response = await Catalogue.SearchAsync("题名:档案");

        Assert.Equal(response.Total, Counts(response, SearchFields.FondsCode).Values.Sum());
        Assert.Equal(new Dictionary<string, long> { ["0426"] = 5, ["X013"] = 1 }, Counts(response, SearchFields.FondsCode));
    }

    [Fact]
    public async Task Facets_Public_ExcludeHiddenRecordsAndClassification()
    {
        var response = await Catalogue.SearchAsync("", SearchAudience.Public);

        Assert.Equal(SearchFields.PublicFacets, response.Facets.Select(f => f.Field));
        Assert.Equal(new Dictionary<string, long> { ["Open"] = 4, ["PartlyOpen"] = 1 }, Counts(response, SearchFields.OpenStatus));
        Assert.Equal(new Dictionary<string, long> { ["0426"] = 4, ["X013"] = 1 }, Counts(response, SearchFields.FondsCode));
    }

    [Theory]
    [InlineData("fonds", 1)]
    [InlineData("category", 9)]
    [InlineData("years", 2)]
    [InlineData("retention", 3)]
    [InlineData("open", 1)]
    [InlineData("carrier", 3)]
    [InlineData("class", 7)]
    [InlineData("org", 9)]
    public async Task FacetFilter_NarrowsTotalAndCounts(string filter, int expected)
    {
        var response = await Catalogue.SearchAsync("", change: r => filter switch
        {
            "fonds" => r with { FondsCode = "X013" },
            "category" => r with { CategoryCode = "WS" },
            "years" => r with { YearFrom = 2003, YearTo = 2005 },
            "retention" => r with { RetentionCode = "D30" },
            "open" => r with { OpenStatus = "Controlled" },
            "carrier" => r with { Carrier = "纸质" },
            "class" => r with { Classification = "-" },
            _ => r with { OrgUnitCode = "BGS" },
        });

        Assert.Equal(expected, response.Total);
        Assert.Equal(expected, Counts(response, SearchFields.FondsCode).Values.Sum());
    }

    [Fact]
    public async Task FacetFilter_Public_CannotWidenAccess()
    {
        var controlled = await Catalogue.SearchAsync("", SearchAudience.Public, change: r => r with { OpenStatus = "Controlled" });
        var secret = await Catalogue.SearchAsync("", SearchAudience.Public, change: r => r with { Classification = "秘密" });

        Assert.Equal(0, controlled.Total);
        Assert.Equal(0, secret.Total);
    }

    [Fact]
    public async Task Facets_NotWanted_AreLeftOut()
    {
        var response = await Catalogue.SearchAsync("档案", change: r => r with { IncludeFacets = false });

        Assert.Empty(response.Facets);
        Assert.True(response.Total > 0);
    }
}
