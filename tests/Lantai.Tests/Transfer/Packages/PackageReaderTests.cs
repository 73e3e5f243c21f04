using System.IO.Compression;
using System.Text;
using Lantai.Security;
using Lantai.Tests.Samples;
using Lantai.Transfer;
using Lantai.Transfer.Packages;
using Xunit.Abstractions;

namespace Lantai.Tests.Transfer.Packages;

/// <summary>Good packages open: names decoded right and kept exactly, files staged under safe keys, the catalogue found.</summary>
public sealed class PackageReaderTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("gbk-names.zip")]
    [InlineData("utf8-names.zip")]
    public async Task Stage_ChineseNamesInGb18030OrUtf8_AreDecodedExactly(string file)
    {
        using var temp = new TempFolder();

        var result = await PackageReader.StageAsync(PackageCorpus.PathOf(file), temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        var package = result.Value;
        Assert.Equal(PackageKind.Zip, package.Kind);
        Assert.Equal("目录.csv", package.Catalogue?.OriginalPath);
        Assert.Equal(["文书/通知.txt", "扫描件/第1页（彩色）.txt"], package.Files.Select(f => f.OriginalPath));
        Assert.Equal(["files/000001", "files/000002"], package.Files.Select(f => f.StagingKey));
        Assert.Equal("关于开展档案安全检查的通知\n", await File.ReadAllTextAsync(Path.Combine(temp.Staging, package.Files[0].StagingKey)));
        Assert.Equal(Sm3.HashHex(await File.ReadAllBytesAsync(PackageCorpus.PathOf(file))), package.PackageSm3);
    }

    [Fact]
    public async Task Stage_MacOsZipWithUnflaggedUtf8Names_KeepsTheNfdNameAndKeysItNfc()
    {
        using var temp = new TempFolder();

        var result = await PackageReader.StageAsync(PackageCorpus.PathOf("macos-utf8-noflag.zip"), temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        var package = result.Value;
        Assert.Equal("目录.csv", package.Catalogue!.OriginalPath);
        Assert.Equal(["文书/通知.txt", "照片/cafe\u0301合影.txt"], package.Files.Select(f => f.OriginalPath));
        Assert.Equal("照片/caf\u00E9合影.txt", package.Files[1].PathKey);
        Assert.Contains(package.Warnings, w => w.Contains("__MACOSX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stage_GbkCatalogueNameThatIsAlsoValidUtf8_IsStillReadAsGb18030()
    {
        using var temp = new TempFolder();

        var result = await PackageReader.StageAsync(PackageCorpus.PathOf("gbk-catalogue-only.zip"), temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal("目录.csv", result.Value.Catalogue?.OriginalPath);
        Assert.Equal("scan001.txt", Assert.Single(result.Value.Files).OriginalPath);
    }

    [Fact]
    public async Task Stage_Zip64Archive_ReadsSizesFromTheExtraField()
    {
        using var temp = new TempFolder();

        var result = await PackageReader.StageAsync(PackageCorpus.PathOf("zip64-names.zip"), temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        var file = Assert.Single(result.Value.Files);
        Assert.Equal(("文书/通知.txt", 40L), (file.OriginalPath, file.Length));
    }

    [Fact]
    public async Task Stage_UnicodePathExtraField_WinsOverTheGb18030Name()
    {
        using var temp = new TempFolder();

        var result = await PackageReader.StageAsync(PackageCorpus.PathOf("unicode-path-extra.zip"), temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal("文书/通知.txt", Assert.Single(result.Value.Files).OriginalPath);
    }

    [Fact]
    public void ZipArchive_WithGb18030Encoding_ReadsGbkNamesAndStillHonoursTheUtf8Flag()
    {
        // Since .NET 9 the entryNameEncoding is used only for entries without bit 11; flagged entries are UTF-8.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb18030 = Encoding.GetEncoding("GB18030");
        using (var gbk = new ZipArchive(File.OpenRead(PackageCorpus.PathOf("gbk-names.zip")), ZipArchiveMode.Read, false, gb18030))
        {
            Assert.Equal(["目录.csv", "文书/通知.txt", "扫描件/第1页（彩色）.txt"], gbk.Entries.Select(e => e.FullName));
        }

        using var utf8 = new ZipArchive(File.OpenRead(PackageCorpus.PathOf("utf8-names.zip")), ZipArchiveMode.Read, false, gb18030);
        Assert.Equal(["目录.csv", "文书/通知.txt", "扫描件/第1页（彩色）.txt"], utf8.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task Stage_SampleFolder_StagesEveryFileWithItsNameAndTheCatalogue()
    {
        using var temp = new TempFolder();
        var folder = SamplePackages.BuildFolder(temp.PathOf("移交包"));
        long reported = 0;

        var result = await PackageReader.StageAsync(folder, temp.Staging, PackageLimits.Default, new SyncProgress(b => reported = b), default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        var package = result.Value;
        Assert.Equal((PackageKind.Folder, "移交包", (string?)null), (package.Kind, package.Name, package.PackageSm3));
        Assert.Equal(SamplePackages.Files.Select(f => f.Path).Order(StringComparer.Ordinal), package.Files.Select(f => f.OriginalPath).Order(StringComparer.Ordinal));
        foreach (var file in package.Files)
        {
            var source = SamplePackages.Files.Single(f => f.Path == file.OriginalPath).Source;
            Assert.Equal(await File.ReadAllBytesAsync(source), await File.ReadAllBytesAsync(Path.Combine(temp.Staging, file.StagingKey)));
            Assert.Matches("^files/[0-9]{6}$", file.StagingKey);
        }

        Assert.Equal(("目录.csv", PackageReader.CatalogueKey), (package.Catalogue!.OriginalPath, package.Catalogue.StagingKey));
        Assert.Equal(package.Files.Sum(f => f.Length) + package.Catalogue.Length, reported);
        Assert.Empty(package.Warnings);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(true, "移交包")]
    public async Task Stage_SampleZip_DecodesNamesAndDigestsThePackage(bool gbkNames, string? topFolder)
    {
        using var temp = new TempFolder();
        var zip = SamplePackages.BuildZip(temp.PathOf("移交包.zip"), gbkNames, topFolder);
        if (gbkNames)
        {
            // The names really are GB18030 bytes without the UTF-8 flag, as Windows writes them.
            var raw = await File.ReadAllBytesAsync(zip);
            Assert.True(raw.AsSpan().IndexOf(Encoding.GetEncoding("GB18030").GetBytes("扫描件/通知第1页.jpg")) >= 0);
        }

        var result = await PackageReader.StageAsync(zip, temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        var package = result.Value;
        Assert.Equal(PackageKind.Zip, package.Kind);
        Assert.Equal(SamplePackages.Files.Select(f => f.Path), package.Files.Select(f => f.OriginalPath));
        Assert.Equal("目录.csv", package.Catalogue!.OriginalPath);
        Assert.Equal(SamplePackages.CatalogueBytes, await File.ReadAllBytesAsync(Path.Combine(temp.Staging, package.Catalogue.StagingKey)));
        Assert.Equal(Sm3.HashHex(await File.ReadAllBytesAsync(zip)), package.PackageSm3);
    }

    [Fact]
    public async Task Stage_SampleBagFolder_ReadsManifestsAndPayloadOxum()
    {
        using var temp = new TempFolder();
        var bag = SamplePackages.BuildBag(temp.PathOf("bag"));

        var result = await PackageReader.StageAsync(bag, temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        AssertSampleBag(result.Value);
    }

    [Fact]
    public async Task Stage_SampleBagZip_InOneTopFolder_IsABag()
    {
        using var temp = new TempFolder();
        var zip = SamplePackages.BuildBagZip(temp.PathOf("bag.zip"), temp.PathOf("work"));

        var result = await PackageReader.StageAsync(zip, temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        AssertSampleBag(result.Value);
        Assert.NotNull(result.Value.PackageSm3);
    }

    [Fact]
    public async Task Stage_BagWithMissingAndUnlistedFiles_WarnsButStages()
    {
        using var temp = new TempFolder();
        var bag = SamplePackages.BuildBag(temp.PathOf("bag"));
        File.Delete(Path.Combine(bag, "data", "扫描件", "通知第1页.jpg"));
        await File.WriteAllTextAsync(Path.Combine(bag, "data", "多余文件.txt"), "stray");

        var result = await PackageReader.StageAsync(bag, temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Contains(result.Value.Warnings, w => w.Contains("data/扫描件/通知第1页.jpg", StringComparison.Ordinal) && w.Contains("不在包中", StringComparison.Ordinal));
        Assert.Contains(result.Value.Warnings, w => w.Contains("data/多余文件.txt", StringComparison.Ordinal) && w.Contains("不在任何 BagIt 清单中", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stage_CorpusBag_StripsTheTopFolderAndNamesTheTransferringUnit()
    {
        using var temp = new TempFolder();

        var result = await PackageReader.StageAsync(PackageCorpus.PathOf("bagit-good.zip"), temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal((PackageKind.BagIt, "示例旗人民政府办公室"), (result.Value.Kind, result.Value.TransferringUnit));
        Assert.Equal("通知.txt", Assert.Single(result.Value.Files).OriginalPath);
    }

    [Fact]
    public async Task Stage_TwentyThousandFiles_StagesEveryOneUnderItsOwnKey()
    {
        using var temp = new TempFolder();
        var zip = temp.PathOf("many.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            for (var i = 0; i < 20_000; i++)
            {
                await using var stream = await archive.CreateEntry($"文件/{i / 1000:D2}/第{i:D5}件.txt", CompressionLevel.Fastest).OpenAsync();
                await stream.WriteAsync(Encoding.UTF8.GetBytes($"第{i}件"));
            }
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await PackageReader.StageAsync(zip, temp.Staging, PackageLimits.Default, null, default);
        watch.Stop();

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(20_000, result.Value.Files.Count);
        Assert.Equal(20_000, result.Value.Files.Select(f => f.StagingKey).Distinct().Count());
        Assert.Equal("第19999件", await File.ReadAllTextAsync(Path.Combine(temp.Staging, result.Value.Files[^1].StagingKey)));
        output.WriteLine($"20,000 files staged in {watch.Elapsed.TotalSeconds:0.00} s");
    }

    private static void AssertSampleBag(StagedPackage package)
    {
        Assert.Equal(PackageKind.BagIt, package.Kind);
        Assert.Equal(SamplePackages.TransferringUnit, package.TransferringUnit);
        var payload = SamplePackages.Payload();
        Assert.Equal((payload.Count, payload.Sum(p => (long)p.Bytes.Length), "bag-info.txt Payload-Oxum"),
            (package.Declaration!.FileCount, package.Declaration.TotalBytes, package.Declaration.Source));
        Assert.Equal("目录.csv", package.Catalogue!.OriginalPath);
        Assert.Equal(Sm3.HashHex(SamplePackages.CatalogueBytes), package.Catalogue.DeclaredDigests["sm3"]);
        Assert.Equal(SamplePackages.Files.Select(f => f.Path).Order(StringComparer.Ordinal), package.Files.Select(f => f.OriginalPath).Order(StringComparer.Ordinal));
        var scan = package.Files.Single(f => f.OriginalPath == "扫描件/通知第1页.jpg");
        var bytes = File.ReadAllBytes(ContentSamples.File("scan-200dpi.jpg"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), scan.DeclaredDigests["sha256"]);
        Assert.Equal(Sm3.HashHex(bytes), scan.DeclaredDigests["sm3"]);
        Assert.Equal(["md5", "sha256", "sm3"], scan.DeclaredDigests.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(package.Warnings);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
