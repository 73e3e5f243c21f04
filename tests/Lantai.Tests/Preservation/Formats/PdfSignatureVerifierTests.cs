using System.Diagnostics;
using System.Text;
using Lantai.Preservation.Formats;
using Xunit.Abstractions;

namespace Lantai.Tests.Preservation.Formats;

public sealed class PdfSignatureVerifierTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lantai-pdfsig-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Verify_RsaSha256Detached_PassesWithSignerAlgorithmAndTime()
    {
        var (field, result) = Single(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa));

        Assert.Equal("签名1", field.Name);
        output.WriteLine(result.Evidence);
        Assert.True(result.Valid, result.Evidence);
        Assert.False(result.LaterRevisions);
        Assert.Contains("测试签名者 RSA", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("SHA-256/RSA-2048", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("签名时间 20", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("签名覆盖整个文件", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("证书链未验证（无信任根配置）", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Sm2Sm3Detached_Passes()
    {
        var (_, result) = Single(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Sm2, subFilter: "ETSI.CAdES.detached"));

        Assert.True(result.Valid, result.Evidence);
        Assert.Contains("SM3/SM2", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EcdsaAndPkcs7Sha1_Pass()
    {
        var (_, ecdsa) = Single(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Ecdsa));
        var (_, sha1) = Single(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa, subFilter: "adbe.pkcs7.sha1"));

        Assert.True(ecdsa.Valid, ecdsa.Evidence);
        Assert.Contains("SHA-256/ECDSA", ecdsa.Evidence, StringComparison.Ordinal);
        Assert.True(sha1.Valid, sha1.Evidence);
    }

    [Fact]
    public void Verify_DocumentTimeStamp_PassesWithTimeStampTime_AndFailsWhenChanged()
    {
        var pdf = SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Tsa, fieldName: "时间戳", subFilter: "ETSI.RFC3161");
        var changed = (byte[])pdf.Clone();
        changed[IndexOf(changed, "FEFF0057"u8) + 7] = (byte)'8';

        var (_, result) = Single(pdf);
        var (_, broken) = Single(changed);

        Assert.True(result.Valid, result.Evidence);
        Assert.Contains("时间戳时间 2026-03-01 04:00:00 UTC", result.Evidence, StringComparison.Ordinal);
        Assert.False(broken.Valid);
        Assert.StartsWith("摘要不一致", broken.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RSA")]
    [InlineData("SM2")]
    public void Verify_ByteFlippedInsideSignedRange_FailsDigestMismatch(string kind)
    {
        var pdf = SignedPdfs.Sign(SignedPdfs.Notice(), kind == "RSA" ? SignedPdfs.Rsa : SignedPdfs.Sm2);
        // A digit of the /Creator string in the document information: the PDF still opens, its bytes changed.
        var at = IndexOf(pdf, "FEFF0057"u8) + 7;
        pdf[at] = (byte)'8';

        var (_, result) = Single(pdf);

        Assert.False(result.Valid);
        Assert.StartsWith("摘要不一致", result.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RSA")]
    [InlineData("SM2")]
    public void Verify_TamperedSignatureValue_FailsSignatureInvalid(string kind)
    {
        var pdf = SignedPdfs.Sign(SignedPdfs.Notice(), kind == "RSA" ? SignedPdfs.Rsa : SignedPdfs.Sm2, cms: SignedPdfs.TamperSignatureValue);

        var (_, result) = Single(pdf);

        Assert.False(result.Valid, result.Evidence);
        Assert.StartsWith("签名值无效", result.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short", "ByteRange 不覆盖整个文件")]
    [InlineData("offset", "不从文件开头开始")]
    [InlineData("beyond", "ByteRange 超出文件")]
    [InlineData("three-ranges", "未被签名的空隙")]
    [InlineData("gap-too-wide", "不是一个十六进制串")]
    public void Verify_ByteRangeNotCoveringTheFile_Fails(string variant, string expected)
    {
        // The CMS is made over exactly the declared ranges, so only the coverage is wrong.
        Func<long, long, long, long[]> range = variant switch
        {
            "short" => (start, end, length) => [0, start, end, length - end - 20],
            "offset" => (start, end, length) => [9, start - 9, end, length - end],
            "beyond" => (start, end, length) => [0, start, end, length - end + 100],
            "three-ranges" => (start, end, length) => [0, start, end, 10, end + 20, length - end - 20],
            _ => (start, end, length) => [0, start - 5, end, length - end],
        };

        var (_, result) = Single(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa, byteRange: range));

        Assert.False(result.Valid, result.Evidence);
        Assert.Contains(expected, result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_GarbageContents_FailsNotACms()
    {
        var garbage = Encoding.ASCII.GetBytes("这不是签名 not a CMS at all, just some bytes 0123456789");

        var (_, result) = Single(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa, cms: _ => garbage));

        Assert.False(result.Valid);
        Assert.Contains("不是有效的 CMS", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ZeroedContents_FailsUnfinishedSignature()
    {
        var (_, result) = Single(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa, cms: _ => [0]));

        Assert.False(result.Valid);
        Assert.Contains("全为零", result.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ByteRange[0 ", "/ByteRange[0.5", "非整数")]
    [InlineData("/ByteRange[", "/ByteRangX[", "没有 /ByteRange")]
    [InlineData("/Contents <", "/Contentz <", "没有 /Contents")]
    [InlineData("/Contents <", "/Contents 1", "签名字典无法读取")]
    [InlineData("/SubFilter/adbe.pkcs7.detached", "/SubFilter/x.unknown.filter.12", "不支持验证")]
    public void Verify_MalformedSignatureDictionary_IsAClearFinding(string find, string replace, string expected)
    {
        var pdf = SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa);
        var at = IndexOf(pdf, Encoding.ASCII.GetBytes(find));
        Encoding.ASCII.GetBytes(replace).CopyTo(pdf, at);

        var (_, result) = Single(pdf);

        Assert.NotEqual(true, result.Valid);
        Assert.Contains(expected, result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_HugeContents_FailsWithoutReadingIt()
    {
        var pdf = SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa, contentsBytes: 3 * 1024 * 1024);

        var (_, result) = Single(pdf);

        Assert.False(result.Valid);
        Assert.Contains("远超签名应有的长度", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RandomDamageInTheSignedUpdate_NeverThrows_AndNeverPasses()
    {
        var signed = SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa);
        var update = SignedPdfs.Notice().Length;
        var gap = signed.AsSpan().IndexOf("/Contents <"u8) + "/Contents ".Length;
        var random = new Random(20261124);
        for (var i = 0; i < 60; i++)
        {
            // Damage the appended revision (signature dictionary, field, catalogue, xref, trailer) outside the /Contents value.
            var damaged = (byte[])signed.Clone();
            int at;
            do
            {
                at = random.Next(update, damaged.Length);
            }
            while (at >= gap && at <= gap + 16385);
            damaged[at] ^= (byte)random.Next(1, 256);

            var path = Write(damaged);
            var inspection = PdfInspector.Inspect(path, default);
            foreach (var field in inspection.SignatureFields)
            {
                var result = PdfSignatureVerifier.Verify(path, field, inspection.Encrypted, default);
                Assert.True(result.Valid != true, $"byte {at} damaged, still: {result.Evidence}");
                Assert.False(string.IsNullOrWhiteSpace(result.Evidence));
            }
        }
    }

    [Fact]
    public void Verify_UnsignedSignatureField_NotChecked()
    {
        var (field, result) = Single(SignedPdfs.Sign(SignedPdfs.Notice(), signer: null, fieldName: "待签"));

        Assert.False(field.Signed);
        Assert.Null(result.Valid);
        Assert.Contains("空签名域", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_IncrementalUpdateAfterSigning_ValidForItsRevision_WithLaterRevisions()
    {
        var pdf = SignedPdfs.AppendInfoUpdate(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa), "签名后修改的标题");

        var (_, result) = Single(pdf);

        Assert.True(result.Valid, result.Evidence);
        Assert.True(result.LaterRevisions);
        Assert.Contains("增量更新", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TwoSignatures_FirstHasLaterRevisions_SecondCoversTheFile()
    {
        var pdf = SignedPdfs.Sign(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa, fieldName: "拟稿人"), SignedPdfs.Sm2, fieldName: "签发人");

        var results = VerifyAll(pdf);

        Assert.Equal(2, results.Count);
        var first = results.Single(r => r.Field.Name == "拟稿人").Verification;
        var second = results.Single(r => r.Field.Name == "签发人").Verification;
        Assert.True(first.Valid, first.Evidence);
        Assert.True(first.LaterRevisions);
        Assert.True(second.Valid, second.Evidence);
        Assert.False(second.LaterRevisions);
    }

    [Fact]
    public void Verify_BytesAppendedAfterSignedFile_FailsNotAnIncrementalUpdate()
    {
        var pdf = SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa);
        pdf = [.. pdf, .. "% appended after signing\n"u8];

        var (_, result) = Single(pdf);

        Assert.False(result.Valid, result.Evidence);
        Assert.Contains("不是规范的增量更新", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdfsig_ReportsTheTestSignatureValid()
    {
        // Cross-check with another implementation (poppler's pdfsig, Debian poppler-utils) that the test PDFs are real signatures.
        const string Pdfsig = "/usr/bin/pdfsig";
        if (!File.Exists(Pdfsig))
        {
            output.WriteLine("pdfsig (poppler-utils) is not installed: cross-check skipped");
            return;
        }

        var path = Write(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa));
        var tampered = SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa);
        tampered[IndexOf(tampered, "FEFF0057"u8) + 7] = (byte)'8';

        var twice = SignedPdfs.Sign(SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa, fieldName: "拟稿人"), SignedPdfs.Ecdsa, fieldName: "签发人");

        var valid = Run(Pdfsig, "-nocert", path);
        var invalid = Run(Pdfsig, "-nocert", Write(tampered));
        var both = Run(Pdfsig, "-nocert", Write(twice));
        output.WriteLine(valid + invalid + both);

        Assert.Contains("Signature is Valid", valid, StringComparison.Ordinal);
        Assert.Contains("Digest Mismatch", invalid, StringComparison.Ordinal);
        Assert.Equal(2, both.Split("Signature is Valid").Length - 1);
        Assert.Contains("not total document signed", both, StringComparison.OrdinalIgnoreCase);
    }

    private (PdfSignatureField Field, PdfSignatureVerification Verification) Single(byte[] pdf) => Assert.Single(VerifyAll(pdf));

    private List<(PdfSignatureField Field, PdfSignatureVerification Verification)> VerifyAll(byte[] pdf)
    {
        var path = Write(pdf);
        var inspection = PdfInspector.Inspect(path, default);
        Assert.Null(inspection.Problem);
        return [.. inspection.SignatureFields.Select(f => (f, PdfSignatureVerifier.Verify(path, f, inspection.Encrypted, default)))];
    }

    private string Write(byte[] pdf)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> value)
    {
        var at = data.AsSpan().LastIndexOf(value);
        Assert.True(at >= 0);
        return at;
    }

    private static string Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
