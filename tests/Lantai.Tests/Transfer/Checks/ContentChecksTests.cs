using System.IO.Compression;
using System.Security.Cryptography;
using Lantai.Security;
using Lantai.Tests.Preservation.Formats;
using Lantai.Tests.Samples;
using Lantai.Transfer.Checks;
using Lantai.Transfer.Checks.Authenticity;
using Lantai.Transfer.Checks.Security;
using Lantai.Transfer.Checks.Usability;

#pragma warning disable CA5351 // MD5 is what packages and ClamAV .hdb files declare; verified, not chosen.

namespace Lantai.Tests.Transfer.Checks;

public sealed class ContentChecksTests
{
    private static readonly string Pdf = ContentSamples.File(ContentSamples.NoticeBaseName + ".pdf");
    private static readonly string PdfA = ContentSamples.File(ContentSamples.NoticeBaseName + ".pdfa.pdf");
    private static readonly string Docx = ContentSamples.File(ContentSamples.NoticeBaseName + ".docx");

    [Fact]
    public async Task DeclaredDigest_Mismatch_FailsNamingBothValues()
    {
        await using var bench = await CheckBench.CreateAsync();
        var bytes = File.ReadAllBytes(Pdf);
        var sm3 = Sm3.HashHex(bytes);
        var md5 = Convert.ToHexStringLower(MD5.HashData(bytes));
        bench.File("a/通知.pdf", Pdf, new Dictionary<string, string> { ["sm3"] = sm3, ["md5"] = md5 });
        bench.File("b/通知.pdf", Pdf, new Dictionary<string, string> { ["sha256"] = new string('0', 64) });

        var findings = await bench.RunAsync(new DeclaredDigestCheck());

        Assert.Equal(CheckOutcome.Passed, findings.Single(f => f.FilePath == "a/通知.pdf").Outcome);
        var bad = findings.Single(f => f.FilePath == "b/通知.pdf");
        Assert.Equal(CheckOutcome.Failed, bad.Outcome);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(bytes)), bad.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatAccepted_Docx_IsRefused_PdfAAccepted_RenamedPdfWarned()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.File("通知.docx", Docx);
        bench.File("通知.pdf", PdfA);
        bench.File("扫描件.jpg", Pdf);

        var findings = await bench.RunAsync(new FormatAcceptedCheck(bench.Inspections));

        Assert.Equal(CheckOutcome.Failed, findings.Single(f => f.FilePath == "通知.docx").Outcome);
        Assert.Contains("DOCX", findings.Single(f => f.FilePath == "通知.docx").Evidence, StringComparison.Ordinal);
        Assert.Contains("PDF/A-2B", findings.Single(f => f.FilePath == "通知.pdf").Evidence, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Passed, findings.Single(f => f.FilePath == "通知.pdf").Outcome);
        Assert.Equal(CheckOutcome.Warning, findings.Single(f => f.FilePath == "扫描件.jpg").Outcome);
    }

    [Fact]
    public async Task FormatAccepted_ListFromParameters()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.File("通知.pdf", Pdf);

        var findings = await bench.RunAsync(new FormatAcceptedCheck(bench.Inspections), """{"accepted":["pdfa-*","ofd"]}""");

        Assert.Equal(CheckOutcome.Failed, Assert.Single(findings).Outcome);
    }

    [Theory]
    [InlineData("helloworld.ofd", CheckOutcome.Passed)]
    [InlineData("path_unstd.ofd", CheckOutcome.Passed)]
    [InlineData("test-ofda.ofd", CheckOutcome.Passed)]
    [InlineData("testImageNotFound.ofd", CheckOutcome.Failed)]
    [InlineData("keyword.ofd", CheckOutcome.Failed)] // its Document.xml names Annotations.xml, which the package lacks
    public async Task ContentReadable_OfdSamples(string file, CheckOutcome expected)
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.File(file, ContentSamples.Ofd(file));

        var finding = Assert.Single(await bench.RunAsync(new ContentReadableCheck(bench.Inspections)));

        Assert.Equal(expected, finding.Outcome);
        if (file == "testImageNotFound.ofd")
        {
            Assert.Contains("image_135.PNG", finding.Evidence, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ContentReadable_PdfScansAndBrokenPdf()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.File("a.pdf", Pdf);
        bench.File("b.tif", ContentSamples.File("scan-300dpi-colour.tif"));
        bench.File("c.jpg", ContentSamples.File("scan-200dpi.jpg"));
        var bytes = File.ReadAllBytes(Pdf);
        bench.Bytes("d.pdf", bytes[..(bytes.Length / 2)]);

        var findings = await bench.RunAsync(new ContentReadableCheck(bench.Inspections));

        Assert.All(findings.Where(f => f.FilePath != "d.pdf"), f => Assert.Equal(CheckOutcome.Passed, f.Outcome));
        Assert.Equal(CheckOutcome.Failed, findings.Single(f => f.FilePath == "d.pdf").Outcome);
    }

    [Fact]
    public async Task OfdFonts_NamedFonts_WarnForOfd_FailForOfdAAndAtPreservation()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.File("hello.ofd", ContentSamples.Ofd("helloworld.ofd"));
        bench.File("ofda.ofd", ContentSamples.Ofd("test-ofda.ofd"));
        bench.File("embedded.ofd", ContentSamples.Ofd("文字横向-数科.ofd"));

        var transfer = await bench.RunAsync(new OfdFontsCheck(bench.Inspections));
        var preservation = await bench.RunAsync(new OfdFontsCheck(bench.Inspections), """{"requireEmbedded":true}""", CheckStage.Preservation);

        Assert.Equal(CheckOutcome.Warning, transfer.Single(f => f.FilePath == "hello.ofd").Outcome);
        Assert.Equal(CheckOutcome.Failed, transfer.Single(f => f.FilePath == "ofda.ofd").Outcome);
        Assert.Contains("宋体", transfer.Single(f => f.FilePath == "ofda.ofd").Evidence, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Passed, transfer.Single(f => f.FilePath == "embedded.ofd").Outcome);
        Assert.Equal(CheckOutcome.Failed, preservation.Single(f => f.FilePath == "hello.ofd").Outcome);
    }

    [Fact]
    public async Task Signature_OfdReferencesAndSealsVerified_BareValueNotChecked()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.File("signed.ofd", ContentSamples.Ofd("DigitalSign.ofd"));
        bench.File("changed.ofd", ContentSamples.Ofd("发票示例.ofd"));
        bench.File("sealed.ofd", ContentSamples.Ofd("SESV4SignDoc.ofd"));

        var findings = await bench.RunAsync(new SignatureCheck(bench.Inspections));

        Assert.All(findings.Where(f => f.FilePath == "sealed.ofd"), f => Assert.Equal(CheckOutcome.Passed, f.Outcome));

        Assert.Contains(findings, f => f.FilePath == "signed.ofd" && f.Outcome == CheckOutcome.Passed);
        Assert.Contains(findings, f => f.FilePath == "signed.ofd" && f.Outcome == CheckOutcome.NotChecked && f.Evidence.Contains("SM2", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.FilePath == "changed.ofd" && f.Outcome == CheckOutcome.Failed && f.Evidence.Contains("Document.xml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signature_PdfSignatures_ValidPasses_ChangedFails_LaterUpdateWarns_EmptyFieldNotChecked()
    {
        await using var bench = await CheckBench.CreateAsync();
        var signed = SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Sm2);
        var changed = (byte[])signed.Clone();
        changed[changed.AsSpan().IndexOf("FEFF0057"u8) + 7] = (byte)'8';
        bench.Bytes("签名.pdf", signed);
        bench.Bytes("改过.pdf", changed);
        bench.Bytes("追加.pdf", SignedPdfs.AppendInfoUpdate(signed, "签名后改的标题"));
        bench.Bytes("空白签名域.pdf", SignedPdfs.Sign(SignedPdfs.Notice(), signer: null));
        bench.File("无签名.pdf", Pdf);
        bench.Bytes("两次签名.pdf", SignedPdfs.Sign(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa, fieldName: "拟稿人"), SignedPdfs.Sm2, fieldName: "签发人"));

        var findings = await bench.RunAsync(new SignatureCheck(bench.Inspections));

        var passed = findings.Single(f => f.FilePath == "签名.pdf");
        Assert.Equal(CheckOutcome.Passed, passed.Outcome);
        Assert.Contains("签名域“签名1”", passed.Evidence, StringComparison.Ordinal);
        Assert.Contains("SM3/SM2", passed.Evidence, StringComparison.Ordinal);
        Assert.Contains("证书链未验证", passed.Evidence, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Failed, findings.Single(f => f.FilePath == "改过.pdf").Outcome);
        Assert.Contains("摘要不一致", findings.Single(f => f.FilePath == "改过.pdf").Evidence, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Warning, findings.Single(f => f.FilePath == "追加.pdf").Outcome);
        Assert.Equal(CheckOutcome.NotChecked, findings.Single(f => f.FilePath == "空白签名域.pdf").Outcome);
        Assert.DoesNotContain(findings, f => f.FilePath == "无签名.pdf");
        var first = findings.Single(f => f.FilePath == "两次签名.pdf" && f.Evidence.Contains("“拟稿人”：", StringComparison.Ordinal));
        Assert.Equal(CheckOutcome.Warning, first.Outcome);
        Assert.Contains("由签名域“签发人”的有效签名覆盖", first.Evidence, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Passed, findings.Single(f => f.FilePath == "两次签名.pdf" && f.Evidence.Contains("“签发人”：", StringComparison.Ordinal)).Outcome);
    }

    [Fact]
    public async Task Executable_ProgramsScriptsAndMacros_AreRefused()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.Bytes("附件.pdf", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        bench.Text("install.sh", "#!/bin/sh\necho hi\n");
        bench.Bytes("宏.docm", MacroDocument());
        bench.File("通知.docx", Docx);
        bench.File("通知.pdf", Pdf);

        var findings = await bench.RunAsync(new ExecutableContentCheck(bench.Inspections));

        Assert.Equal(["install.sh", "宏.docm", "附件.pdf"], findings.Where(f => f.Outcome == CheckOutcome.Failed).Select(f => f.FilePath!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ContentMetadata_PageCountDiffers_Fails()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.Item(CheckBench.Record("0426-WS·2023-Y-BGS-0001", pages: 3), "通知.pdf");
        bench.File("通知.pdf", Pdf);

        var finding = Assert.Single(await bench.RunAsync(new ContentMetadataCheck(bench.Inspections)));

        Assert.Equal(CheckOutcome.Failed, finding.Outcome);
        Assert.Contains("页数 3，版式文件共 1 页", finding.Evidence, StringComparison.Ordinal);
    }

    private static byte[] MacroDocument()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
            zip.CreateEntry("word/vbaProject.bin");
        }

        return memory.ToArray();
    }
}
