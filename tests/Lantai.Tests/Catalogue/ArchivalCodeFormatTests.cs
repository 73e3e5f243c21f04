using Lantai.Catalogue;

namespace Lantai.Tests.Catalogue;

public sealed class ArchivalCodeFormatTests
{
    private static readonly ArchivalCodeFormat Dat22 = new("{fonds}-{category}·{year}-{retention}-{orgunit}-{item:4}");
    private static readonly ArchivalCodeFormat Dat13 = new("{fonds}-{category}·{year}·{retention}·{orgunit}-{item:3}");

    [Fact]
    public void Render_Dat22_MatchesStandardExample()
    {
        var code = Dat22.Render(new ArchivalCodeParts { FondsCode = "Z109", CategoryCode = "WS", Year = 2011, RetentionCode = "Y", OrgUnitCode = "BGS", ItemNumber = 1 });
        Assert.Equal("Z109-WS·2011-Y-BGS-0001", code);
    }

    [Fact]
    public void Render_Dat13_MatchesStandardExample()
    {
        var code = Dat13.Render(new ArchivalCodeParts { FondsCode = "A439", CategoryCode = "WS", Year = 2015, RetentionCode = "D30", OrgUnitCode = "003", ItemNumber = 5 });
        Assert.Equal("A439-WS·2015·D30·003-005", code);
    }

    [Fact]
    public void Render_WithoutOrgUnit_DropsElementAndItsSeparator()
    {
        var code = Dat22.Render(new ArchivalCodeParts { FondsCode = "0426", CategoryCode = "WS", Year = 2016, RetentionCode = "D10", ItemNumber = 12 });
        Assert.Equal("0426-WS·2016-D10-0012", code);
        Assert.Equal("", Dat22.Parse(code)!.OrgUnitCode);
    }

    [Theory]
    [InlineData("0426-WS·2016-Y-BGS-0001", "0426", "WS", 2016, "Y", "BGS", 1)]
    [InlineData("X013-WS·2020-D30-办公室-0120", "X013", "WS", 2020, "D30", "办公室", 120)]
    public void Parse_WellFormedCode_ReturnsParts(string code, string fonds, string category, int year, string retention, string org, int item)
    {
        var parts = Dat22.Parse(code);
        Assert.NotNull(parts);
        Assert.Equal((fonds, category, year, retention, org, item), (parts.FondsCode, parts.CategoryCode, parts.Year, parts.RetentionCode, parts.OrgUnitCode, parts.ItemNumber!.Value));
    }

    [Theory]
    [InlineData("0426-WS·2016-Y-BGS-00X1")]
    [InlineData("0426-WS-2016-Y-BGS-0001")]
    [InlineData("0426-WS·16-Y-BGS-0001")]
    [InlineData("")]
    public void Parse_MalformedCode_ReturnsNull(string code) => Assert.Null(Dat22.Parse(code));
}
