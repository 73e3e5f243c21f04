using System.IO.Compression;
using Lantai.Tests.Samples;
using Lantai.Transfer;
using Lantai.Transfer.Packages;

namespace Lantai.Tests.Transfer.Packages;

/// <summary>DA/T 48 EEPs open as packages: one EEP is one record, its files decoded under their 计算机文件名; a hostile one is refused.</summary>
public sealed class EepPackageTests
{
    private static readonly byte[] Pdf = File.ReadAllBytes(ContentSamples.File("0426-WS·2023-Y-BGS-0012.pdf"));
    private static readonly byte[] Jpeg = File.ReadAllBytes(ContentSamples.File("scan-200dpi.jpg"));

    [Fact]
    public async Task Stage_SingleEep_DecodesItsFilesAndWritesItsCatalogue()
    {
        using var temp = new TempFolder();
        var path = new EepWriter().With("正文.pdf", Pdf).With("附件 扫描件.jpg", Jpeg).WriteTo(temp.PathOf("通知.eep"));

        var result = await PackageReader.StageAsync(path, temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        var package = result.Value;
        Assert.Equal(PackageKind.Eep, package.Kind);
        Assert.Equal(["正文.pdf", "附件 扫描件.jpg"], package.Files.Select(f => f.OriginalPath));
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(temp.Staging, package.Files[0].StagingKey)));
        Assert.Equal(Jpeg, await File.ReadAllBytesAsync(Path.Combine(temp.Staging, package.Files[1].StagingKey)));
        Assert.Equal(EepPackage.CatalogueName, package.Catalogue?.OriginalPath);
        Assert.Equal(2, package.Declaration?.FileCount);
        Assert.Equal(Pdf.Length + Jpeg.Length, package.Declaration?.TotalBytes);
        Assert.Equal(1, package.Declaration?.ItemCount);
        Assert.False(File.Exists(Path.Combine(temp.Staging, "files", "000001")), "the EEP's own staged copy is removed once decoded");
    }

    [Fact]
    public async Task Stage_ZipOfEeps_EachEepIsARecordWithItsFilesUnderItsName()
    {
        using var temp = new TempFolder();
        var zip = temp.PathOf("批次.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var (name, item) in new[] { ("第1件.eep", 1), ("第2件.eep", 2) })
            {
                var eep = new EepWriter { Item = item, Title = $"第{item}件的题名" }.With("正文.pdf", Pdf).WriteTo(temp.PathOf(name));
                archive.CreateEntryFromFile(eep, "2023/" + name);
            }
        }

        var result = await PackageReader.StageAsync(zip, temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(PackageKind.Eep, result.Value.Kind);
        Assert.Equal(["2023/第1件/正文.pdf", "2023/第2件/正文.pdf"], result.Value.Files.Select(f => f.OriginalPath));
        Assert.Equal(2, result.Value.Declaration?.ItemCount);
        Assert.DoesNotContain(result.Value.Warnings, w => w.Contains("目录文件", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stage_SignedEep_WarnsThatTheSignatureIsNotVerified()
    {
        using var temp = new TempFolder();
        var path = new EepWriter { Signed = true }.With("正文.pdf", Pdf).WriteTo(temp.PathOf("签名.eep"));

        var result = await PackageReader.StageAsync(path, temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded);
        Assert.Contains(result.Value.Warnings, w => w.Contains("电子签名", StringComparison.Ordinal) && w.Contains("未检测", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> Hostile => new()
    {
        { "dtd", "DTD" },
        { "bad-base64", "Base64" },
        { "traversal", "计算机文件名" },
        { "control-char", "控制字符" },
        { "duplicate", "重复" },
        { "keyword", "只支持 base64" },
        { "two-entities", "只封装一件" },
        { "long-title", "过长" },
        { "not-eep-root", "不是 zip" },
    };

    [Theory, MemberData(nameof(Hostile))]
    public async Task Stage_HostileOrMalformedEep_IsRefusedNamingTheEepAndNothingIsLeft(string kind, string expected)
    {
        using var temp = new TempFolder();
        var writer = kind switch
        {
            "dtd" => new EepWriter { Prologue = "<!DOCTYPE 电子文件封装包 [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" }.With("正文.pdf", Pdf),
            "bad-base64" => new EepWriter { Raw = "这不是Base64@@@@" }.With("正文.pdf", Pdf),
            "traversal" => new EepWriter().With("../../etc/cron.d/x", Pdf),
            "control-char" => new EepWriter().With("正文\u202e.pdf", Pdf),
            "duplicate" => new EepWriter().With("正文.pdf", Pdf).With("正文.PDF", Jpeg),
            "keyword" => new EepWriter { Keyword = "gzip" }.With("正文.pdf", Pdf),
            "two-entities" => new EepWriter { ExtraEntity = "<文件实体><聚合层次>文件</聚合层次></文件实体>" }.With("正文.pdf", Pdf),
            "long-title" => new EepWriter { Title = new string('档', EepReader.MaxFieldChars + 1) }.With("正文.pdf", Pdf),
            _ => null,
        };
        var path = temp.PathOf("包.eep");
        if (writer is null)
        {
            await File.WriteAllTextAsync(path, "<?xml version=\"1.0\"?><其他根元素/>");
        }
        else
        {
            writer.WriteTo(path);
        }

        var result = await PackageReader.StageAsync(path, temp.Staging, PackageLimits.Default, null, default);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.False(Directory.Exists(temp.Staging), "a refused EEP leaves nothing in staging");
    }
}
