using System.Text;
using Lantai.Catalogue.Import;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Samples;
using Lantai.Tests.Transfer.Packages;
using Lantai.Transfer;
using Lantai.Transfer.Packages;

namespace Lantai.Tests.Transfer.Catalogue;

/// <summary>A package's catalogue read with the catalogue import's checks, plus the 文件 column; nothing stored.</summary>
public sealed class TransferCatalogueReaderTests
{
    private const string Header = "全宗号,门类,年度,保管期限,机构问题,件号,题名,责任者,日期,文件";

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Read_SampleCatalogue_BuildsEveryRecordWithItsFiles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var temp = new TempFolder();
        var path = temp.PathOf("catalogue");
        await File.WriteAllBytesAsync(path, SamplePackages.CatalogueBytes);

        var catalogue = await ReadAsync(database, path);

        Assert.Empty(catalogue.FileErrors);
        Assert.Equal([2, 3, 4, 5, 6], catalogue.Rows.Select(r => r.RowNumber));
        Assert.All(catalogue.Rows, r => Assert.Empty(r.Errors));
        Assert.Equal(["0426-WS·2023-Y-BGS-0012", "0426-WS·2023-Y-BGS-0013", "0426-WS·2023-Y-BGS-0014", "0426-WS·2023-Y-BGS-0015", "0426-WS·2023-Y-BGS-0016"],
            catalogue.Rows.Select(r => r.Record!.ArchivalCode));
        Assert.Equal(["扫描件/通知第1页（彩色）.tif", "扫描件/通知第1页（灰度）.tif", "扫描件/通知第1页.jpg"], catalogue.Rows[1].FileRefs);
        Assert.Equal("关于做好主题教育文件材料收集归档工作的通知", catalogue.Rows[0].Record!.Title);
        Assert.Null(catalogue.Rows[0].Record!.ImportId);
        Assert.Equal(SamplePackages.Files.Select(f => f.Path).Order(StringComparer.Ordinal), catalogue.Rows.SelectMany(r => r.FileRefs).Order(StringComparer.Ordinal));
        var fonds = Assert.Single(catalogue.NewFonds);
        Assert.Equal("0426", fonds.Code);
        Assert.All(catalogue.Rows, r => Assert.Equal(fonds.Id, r.Record!.FondsId));
        Assert.Equal("BGS", Assert.Single(catalogue.NewOrgUnits).Code);

        // Nothing stored.
        await using var db = database.CreateContext();
        Assert.Empty(db.Records);
        Assert.Empty(db.Fonds);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Read_CodesAlreadyInTheCatalogue_AreRowErrors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var imported = await new CatalogueImporter(db, TimeProvider.System).CommitAsync(
                ImportSource.FromBytes("existing.csv", Encoding.UTF8.GetBytes("全宗号,门类,年度,保管期限,机构问题,件号,题名\n0426,WS,2023,Y,BGS,13,已在馆藏中的一件\n")),
                ImportOptions.Default, "test", null, default);
            Assert.True(imported.Succeeded);
        }

        using var temp = new TempFolder();
        var path = temp.PathOf("catalogue");
        await File.WriteAllBytesAsync(path, SamplePackages.CatalogueBytes);

        var catalogue = await ReadAsync(database, path);

        var taken = catalogue.Rows.Single(r => r.RowNumber == 3);
        Assert.Null(taken.Record);
        Assert.Equal(3, taken.FileRefs.Count);
        Assert.Contains(taken.Errors, e => e.StartsWith("件号: ", StringComparison.Ordinal) && e.Contains("已存在", StringComparison.Ordinal));
        Assert.All(catalogue.Rows.Where(r => r.RowNumber != 3), r => Assert.NotNull(r.Record));
        Assert.Empty(catalogue.NewFonds);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Read_BadRows_NameColumnAndReasonAndKeepTheirFiles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var temp = new TempFolder();
        var path = temp.PathOf("catalogue");
        await File.WriteAllTextAsync(path, string.Join("\n",
            Header,
            "0426,WS,2023,Y,BGS,1,,示例旗档案局,20230101,a.pdf",
            "0426,WS,二〇二三,Y,BGS,2,年度写错的一件,示例旗档案局,20230101,b.pdf",
            "0426,WS,2023,Y,BGS,2,件号重复的一件,示例旗档案局,20230101,c.pdf",
            "0426,WS,2023,Y,BGS,3,正常的一件,示例旗档案局,20230101, ./文书\\d.pdf ；e.pdf ;",
            ""));

        var catalogue = await ReadAsync(database, path);

        Assert.Empty(catalogue.FileErrors);
        var rows = catalogue.Rows.ToDictionary(r => r.RowNumber);
        Assert.Contains(rows[2].Errors, e => e.StartsWith("题名: ", StringComparison.Ordinal));
        Assert.Contains(rows[3].Errors, e => e.StartsWith("年度: ", StringComparison.Ordinal));
        Assert.Null(rows[2].Record);
        Assert.Null(rows[3].Record);
        Assert.Equal(["a.pdf"], rows[2].FileRefs);
        Assert.NotNull(rows[4].Record);
        Assert.Equal(["文书/d.pdf", "e.pdf"], rows[5].FileRefs);
        Assert.Empty(rows[5].Errors);
        Assert.Equal("0426-WS·2023-Y-BGS-0003", rows[5].Record!.ArchivalCode);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Read_CorpusRowsPointingOutsideThePackage_AreRowErrors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var temp = new TempFolder();
        var staged = await PackageReader.StageAsync(PackageCorpus.PathOf("catalogue-outside.zip"), temp.Staging, PackageLimits.Default, null, default);
        Assert.True(staged.Succeeded);

        var catalogue = await ReadAsync(database, Path.Combine(temp.Staging, staged.Value.Catalogue!.StagingKey), "目录.csv");

        var rows = catalogue.Rows.ToDictionary(r => r.RowNumber);
        Assert.Empty(rows[2].Errors);
        Assert.Equal("文件: 路径“../x.pdf”无效：路径越出包外（含“..”或“.”）", Assert.Single(rows[3].Errors));
        Assert.Contains("“/etc/passwd”", Assert.Single(rows[4].Errors), StringComparison.Ordinal);
        Assert.Null(rows[3].Record);
        Assert.Null(rows[4].Record);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Read_XlsxWithDtd_IsRefusedAsAFileError(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var temp = new TempFolder();
        var staged = await PackageReader.StageAsync(PackageCorpus.PathOf("xlsx-with-dtd.zip"), temp.Staging, PackageLimits.Default, null, default);
        Assert.True(staged.Succeeded);

        var catalogue = await ReadAsync(database, Path.Combine(temp.Staging, staged.Value.Catalogue!.StagingKey), "目录.xlsx");

        Assert.Contains(XlsxTableReader.DtdRefused, catalogue.FileErrors);
        Assert.Empty(catalogue.Rows);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Read_CatalogueWithoutFilesColumn_IsAFileError(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var temp = new TempFolder();
        var path = temp.PathOf("catalogue");
        await File.WriteAllTextAsync(path, "全宗号,年度,保管期限,题名\n0426,2023,Y,没有文件列的一件\n");

        var catalogue = await ReadAsync(database, path);

        Assert.Contains(catalogue.FileErrors, e => e.Contains("缺少“文件”列", StringComparison.Ordinal));
        Assert.Empty(Assert.Single(catalogue.Rows).FileRefs);
    }

    [Theory]
    [InlineData("a.pdf", new[] { "a.pdf" })]
    [InlineData(" a.pdf ; b.pdf；c.pdf ", new[] { "a.pdf", "b.pdf", "c.pdf" })]
    [InlineData("./文书\\通知.pdf", new[] { "文书/通知.pdf" })]
    [InlineData(";;", new string[0])]
    [InlineData("cafe\u0301.pdf", new[] { "caf\u00E9.pdf" })]
    public void SplitFileRefs_SplitsTrimsAndNormalises(string cell, string[] expected)
    {
        Assert.Equal(expected, TransferCatalogueReader.SplitFileRefs(cell));
    }

    private static async Task<TransferCatalogue> ReadAsync(TestDatabase database, string path, string fileName = "目录.csv")
    {
        await using var db = database.CreateContext();
        return await new TransferCatalogueReader(db, TimeProvider.System).ReadAsync(path, fileName, default);
    }
}
