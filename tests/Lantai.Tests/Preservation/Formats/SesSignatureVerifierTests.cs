using System.IO.Compression;
using Lantai.Preservation.Formats;
using Lantai.Tests.Samples;

namespace Lantai.Tests.Preservation.Formats;

public sealed class SesSignatureVerifierTests
{
    [Theory]
    [InlineData("SESV4SignDoc.ofd")]
    [InlineData("signedFile.ofd")]
    [InlineData("1.ofd")]
    [InlineData("999.ofd")]
    [InlineData("发票示例.ofd")]
    public void Inspect_SesV4Seals_SignatureValueVerifies(string file)
    {
        var signature = Assert.Single(OfdInspector.Inspect(ContentSamples.Ofd(file), default).Signatures);

        Assert.True(signature.ValueValid, signature.ValueEvidence);
    }

    [Fact]
    public void Inspect_RawRsSignatureValue_IsVerifiedToo()
    {
        // keyword.ofd's first seal stores the SM2 value as 64 raw bytes r‖s, not DER.
        var signatures = OfdInspector.Inspect(ContentSamples.Ofd("keyword.ofd"), default).Signatures;

        Assert.True(signatures.Single(s => s.Path.Contains("Sign_1", StringComparison.Ordinal)).ValueValid);
    }

    [Fact]
    public void Inspect_Pkcs7Signatures_SignatureValueVerifies()
    {
        // testImageNotFound.ofd's two signatures are GM/T 0010 PKCS#7 SignedData over Signature.xml.
        var signatures = OfdInspector.Inspect(ContentSamples.Ofd("testImageNotFound.ofd"), default).Signatures;

        Assert.Equal(2, signatures.Count);
        Assert.All(signatures, s => Assert.True(s.ValueValid, s.ValueEvidence));
    }

    [Fact]
    public void Inspect_BareSm2WithoutCertificate_CannotBeJudged()
    {
        var signature = Assert.Single(OfdInspector.Inspect(ContentSamples.Ofd("DigitalSign.ofd"), default).Signatures);

        Assert.Null(signature.ValueValid);
        Assert.Contains("没有签名者证书", signature.ValueEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignatureXmlChangedAfterSealing_Fails()
    {
        using var zip = ZipFile.OpenRead(ContentSamples.Ofd("SESV4SignDoc.ofd"));
        var value = Read(zip, "Doc_0/Signs/Sign_0/SignedValue.dat");
        var xml = Read(zip, "Doc_0/Signs/Sign_0/Signature.xml");
        xml[^2] ^= 0x01;

        var (valid, evidence) = SesSignatureVerifier.Verify(value, xml);

        Assert.False(valid);
        Assert.Contains("原文摘要", evidence, StringComparison.Ordinal);
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var s = zip.GetEntry(name)!.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
