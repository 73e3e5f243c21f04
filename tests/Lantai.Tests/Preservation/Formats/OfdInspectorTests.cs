using Lantai.Preservation.Formats;
using Lantai.Tests.Samples;

namespace Lantai.Tests.Preservation.Formats;

public sealed class OfdInspectorTests
{
    [Fact]
    public void Inspect_ImageNotFound_NamesTheMissingImage()
    {
        var ofd = OfdInspector.Inspect(ContentSamples.Ofd("testImageNotFound.ofd"), default);

        var problem = Assert.Single(ofd.Problems);
        Assert.Contains("image_135.PNG", problem, StringComparison.Ordinal);
        Assert.Contains("不在包内", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("path_unstd.ofd", 2)]
    [InlineData("helloworld.ofd", 1)]
    [InlineData("chineseDir.ofd", 1)]
    [InlineData("namespace_no_std.ofd", 1)]
    [InlineData("no_page_container.ofd", 1)]
    [InlineData("containsJPEG.ofd", 2)]
    [InlineData("999.ofd", 5)]
    [InlineData("文字横向-数科.ofd", 1)]
    public void Inspect_WellFormedSamples_ResolveEveryPart(string file, int pages)
    {
        var ofd = OfdInspector.Inspect(ContentSamples.Ofd(file), default);

        Assert.Empty(ofd.Problems);
        Assert.Equal(pages, ofd.PageCount);
    }

    [Fact]
    public void Inspect_OfdA_ReportsDocTypeAndNamedFonts()
    {
        var ofd = OfdInspector.Inspect(ContentSamples.Ofd("test-ofda.ofd"), default);

        Assert.True(ofd.IsOfdA);
        Assert.Equal(["宋体"], ofd.NamedFonts);
    }

    [Theory]
    [InlineData("keyword.ofd")]
    [InlineData("文字横向-数科.ofd")]
    public void Inspect_EmbeddedFonts_NamesNone(string file)
    {
        Assert.Empty(OfdInspector.Inspect(ContentSamples.Ofd(file), default).NamedFonts);
    }

    [Theory]
    [InlineData("DigitalSign.ofd")]
    [InlineData("SESV4SignDoc.ofd")]
    [InlineData("signedFile.ofd")]
    [InlineData("1.ofd")]
    public void Inspect_SignedSamples_EveryReferenceDigestMatches(string file)
    {
        var ofd = OfdInspector.Inspect(ContentSamples.Ofd(file), default);

        var signature = Assert.Single(ofd.Signatures);
        Assert.Empty(signature.Problems);
        Assert.Equal(signature.ReferenceCount, signature.Verified);
        Assert.NotNull(signature.SignedValuePath);
    }

    [Fact]
    public void Inspect_SignedThenChanged_ReportsTheChangedFile()
    {
        // 发票示例.ofd: Document.xml was changed after signing (its digest no longer matches the signature's).
        var ofd = OfdInspector.Inspect(ContentSamples.Ofd("发票示例.ofd"), default);

        var problem = Assert.Single(Assert.Single(ofd.Signatures).Problems);
        Assert.Contains("/Doc_0/Document.xml", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_EmbeddedImageDamaged_IsReported()
    {
        // containsJPEG.ofd also writes "DOC_0" for "Doc_0": the case-insensitive fallback resolves it.
        var path = Path.Combine(Directory.CreateTempSubdirectory("lantai-ofd-").FullName, "damaged.ofd");
        File.Copy(ContentSamples.Ofd("containsJPEG.ofd"), path);
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("DOC_0/Res/Image_4.JPEG")!;
            byte[] head;
            using (var s = entry.Open())
            {
                head = new byte[2000];
                s.ReadExactly(head);
            }

            entry.Delete();
            using var w = zip.CreateEntry("DOC_0/Res/Image_4.JPEG").Open();
            w.Write(head);
        }

        var ofd = OfdInspector.Inspect(path, default);

        var problem = Assert.Single(ofd.Problems);
        Assert.Contains("Image_4.JPEG", problem, StringComparison.Ordinal);
        Assert.Contains("解码", problem, StringComparison.Ordinal);
        File.Delete(path);
    }
}
