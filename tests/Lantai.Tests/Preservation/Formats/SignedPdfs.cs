using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Lantai.Tests.Samples;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;

namespace Lantai.Tests.Preservation.Formats;

/// <summary>
/// Signs PDFs the way signing tools do: an incremental update appended to the file adds a signature dictionary with a
/// placeholder /Contents, a signature field and the catalogue's /AcroForm; the /ByteRange is filled in, the bytes it
/// covers are hashed, and a real detached CMS made with BouncyCastle is written into the placeholder. Options make the
/// broken variants the verifier must catch.
/// </summary>
internal static class SignedPdfs
{
    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    private static readonly Lazy<PdfSigner> RsaSigner = new(() => Create("SHA256withRSA", "RSA"));
    private static readonly Lazy<PdfSigner> Sm2Signer = new(() => Create("SM3withSM2", "SM2"));
    private static readonly Lazy<PdfSigner> EcdsaSigner = new(() => Create("SHA256withECDSA", "EC"));
    private static readonly Lazy<PdfSigner> TsaSigner = new(() => Create("SHA256withRSA", "TSA"));

    public static PdfSigner Rsa => RsaSigner.Value;

    public static PdfSigner Sm2 => Sm2Signer.Value;

    public static PdfSigner Ecdsa => EcdsaSigner.Value;

    /// <summary>A time-stamping authority (RFC 3161: its certificate is for time-stamping only), for ETSI.RFC3161 document time-stamps.</summary>
    public static PdfSigner Tsa => TsaSigner.Value;

    /// <summary>The notice PDF made by LibreOffice (classic cross-reference table).</summary>
    public static byte[] Notice() => File.ReadAllBytes(ContentSamples.File(ContentSamples.NoticeBaseName + ".pdf"));

    /// <summary>Appends a signed (or, with a null signer, empty) signature field to <paramref name="pdf"/>.</summary>
    /// <param name="byteRange">Writes the /ByteRange from (contents start, contents end, file length); the default covers the file.</param>
    /// <param name="cms">Replaces the CMS written into /Contents (tampering, garbage).</param>
    /// <param name="contentsBytes">The room reserved for the CMS in /Contents.</param>
    public static byte[] Sign(
        byte[] pdf,
        PdfSigner? signer,
        string fieldName = "签名1",
        string subFilter = "adbe.pkcs7.detached",
        Func<long, long, long, long[]>? byteRange = null,
        Func<byte[], byte[]>? cms = null,
        int contentsBytes = 8192)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var size = LastInt(text, @"/Size\s+(\d+)");
        var root = LastInt(text, @"/Root\s+(\d+)\s+0\s+R");
        int sigObject = size, fieldObject = size + 1;

        var catalog = Catalog(text, root);
        catalog = catalog.Contains("/Fields[", StringComparison.Ordinal)
            ? catalog.Replace("/Fields[", $"/Fields[{fieldObject} 0 R ", StringComparison.Ordinal)
            : catalog[..catalog.LastIndexOf(">>", StringComparison.Ordinal)] + $"/AcroForm<</Fields[{fieldObject} 0 R]/SigFlags 3>>>>";

        var objects = new List<(int Number, string Body)>
        {
            (root, catalog),
            (fieldObject, $"<</FT/Sig/T<{Utf16Hex(fieldName)}>{(signer is null ? "" : $"/V {sigObject} 0 R")}/Type/Annot/Subtype/Widget/Rect[0 0 0 0]/F 132>>"),
        };
        if (signer is not null)
        {
            objects.Add((sigObject, $"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/{subFilter}/M(D:20260301120000+08'00')/ByteRange{ByteRangePlaceholder}/Contents <{new string('0', contentsBytes * 2)}>>>"));
        }

        var bytes = AppendUpdate(pdf, text, objects, size + 2);
        if (signer is null)
        {
            return bytes;
        }

        var file = Encoding.Latin1.GetString(bytes);
        var dictionary = file.LastIndexOf("/Type/Sig/", StringComparison.Ordinal);
        var contentsStart = file.IndexOf("/Contents <", dictionary, StringComparison.Ordinal) + "/Contents ".Length;
        var contentsEnd = contentsStart + (contentsBytes * 2) + 2;
        var ranges = byteRange?.Invoke(contentsStart, contentsEnd, bytes.Length) ?? [0, contentsStart, contentsEnd, bytes.Length - contentsEnd];
        var rangeText = "[" + string.Join(' ', ranges.Select(r => r.ToString(CultureInfo.InvariantCulture))) + "]";
        var rangeAt = file.IndexOf(ByteRangePlaceholder, dictionary, StringComparison.Ordinal);
        Encoding.Latin1.GetBytes(rangeText.PadRight(ByteRangePlaceholder.Length)).CopyTo(bytes, rangeAt);

        // What the signature covers: the declared ranges, clipped to the file (a forged range may point past its end).
        using var signedBytes = new MemoryStream();
        for (var i = 0; i + 1 < ranges.Length; i += 2)
        {
            var start = (int)Math.Min(ranges[i], bytes.Length);
            signedBytes.Write(bytes, start, (int)Math.Min(ranges[i + 1], bytes.Length - start));
        }

#pragma warning disable CA5350 // adbe.pkcs7.sha1 is an old PDF signature format the verifier must still read.
        var value = subFilter switch
        {
            "adbe.pkcs7.sha1" => Cms(signer, SHA1.HashData(signedBytes.ToArray()), encapsulate: true),
            "ETSI.RFC3161" => TimeStamp(signer, SHA256.HashData(signedBytes.ToArray())),
            _ => Cms(signer, signedBytes.ToArray(), encapsulate: false),
        };
#pragma warning restore CA5350
        value = cms?.Invoke(value) ?? value;
        Encoding.Latin1.GetBytes(Convert.ToHexString(value)).CopyTo(bytes, contentsStart + 1);
        return bytes;
    }

    /// <summary>Appends an incremental update that rewrites the document information (a later edit, no signature).</summary>
    public static byte[] AppendInfoUpdate(byte[] pdf, string title)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var size = LastInt(text, @"/Size\s+(\d+)");
        var info = LastInt(text, @"/Info\s+(\d+)\s+0\s+R");
        return AppendUpdate(pdf, text, [(info, $"<</Title<{Utf16Hex(title)}>/Producer(Lantai test)>>")], size);
    }

    /// <summary>Flips one byte of the signature value inside a CMS (the last byte of the signer's signature).</summary>
    public static byte[] TamperSignatureValue(byte[] cms)
    {
        var signer = new CmsSignedData(cms).GetSignerInfos().GetSigners().First();
        var signature = signer.GetSignature();
        var at = cms.AsSpan().IndexOf(signature);
        var copy = (byte[])cms.Clone();
        copy[at + signature.Length - 1] ^= 0x01;
        return copy;
    }

    private static byte[] Cms(PdfSigner signer, byte[] content, bool encapsulate)
    {
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder().Build(new Asn1SignatureFactory(signer.Algorithm, signer.PrivateKey), signer.Certificate));
        generator.AddCertificate(signer.Certificate);
        return generator.Generate(new CmsProcessableByteArray(content), encapsulate).GetEncoded();
    }

    private static byte[] TimeStamp(PdfSigner tsa, byte[] sha256)
    {
        var generator = new TimeStampTokenGenerator(tsa.PrivateKey, tsa.Certificate, NistObjectIdentifiers.IdSha256.Id, "1.2.3.4.1");
        generator.SetCertificates(CollectionUtilities.CreateStore(new[] { tsa.Certificate }));
        var requests = new TimeStampRequestGenerator();
        requests.SetCertReq(true);
        var request = requests.Generate(NistObjectIdentifiers.IdSha256, sha256);
        return generator.Generate(request, BigInteger.One, new DateTime(2026, 3, 1, 4, 0, 0, DateTimeKind.Utc)).GetEncoded();
    }

    private static byte[] AppendUpdate(byte[] pdf, string text, IReadOnlyList<(int Number, string Body)> objects, int size)
    {
        var prev = LastInt(text, @"startxref\s+(\d+)");
        var trailer = text[text.LastIndexOf("trailer", StringComparison.Ordinal)..];
        var info = Regex.Match(trailer, @"/Info\s+\d+\s+0\s+R").Value;
        var id = Regex.Match(trailer, @"/ID\s*\[[^\]]*\]").Value;

        var update = new StringBuilder(pdf[^1] == '\n' ? "" : "\n");
        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, body) in objects)
        {
            offsets[number] = pdf.Length + update.Length;
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        var xref = pdf.Length + update.Length;
        update.Append("xref\n0 1\n0000000000 65535 f \n");
        foreach (var (number, offset) in offsets)
        {
            update.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        }

        update.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size}/Root {LastInt(text, @"/Root\s+(\d+)\s+0\s+R")} 0 R{info}{id}/Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n");

        // Every character written is ASCII or Latin-1 (names are hex strings), so a character is a byte.
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    private static string Catalog(string text, int root)
    {
        var start = text.LastIndexOf($"\n{root} 0 obj", StringComparison.Ordinal);
        var open = text.IndexOf("<<", start, StringComparison.Ordinal);
        var end = text.IndexOf("endobj", open, StringComparison.Ordinal);
        return text[open..end].Trim();
    }

    private static int LastInt(string text, string pattern) =>
        int.Parse(Regex.Matches(text, pattern)[^1].Groups[1].Value, CultureInfo.InvariantCulture);

    private static string Utf16Hex(string value) => "FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value));

    private static PdfSigner Create(string algorithm, string kind)
    {
        var random = new SecureRandom();
        AsymmetricCipherKeyPair keys;
        if (kind is "RSA" or "TSA")
        {
            var generator = new RsaKeyPairGenerator();
            generator.Init(new KeyGenerationParameters(random, 2048));
            keys = generator.GenerateKeyPair();
        }
        else
        {
            var generator = new ECKeyPairGenerator();
            generator.Init(new ECKeyGenerationParameters(kind == "SM2" ? GMObjectIdentifiers.sm2p256v1 : SecObjectIdentifiers.SecP256r1, random));
            keys = generator.GenerateKeyPair();
        }

        var name = new X509Name($"CN=测试签名者 {kind},O=示例旗档案局,C=CN");
        var tsa = kind == "TSA";
        var certificate = new X509V3CertificateGenerator();
        certificate.SetSerialNumber(BigInteger.ValueOf(RandomNumberGenerator.GetInt32(1, int.MaxValue)));
        certificate.SetIssuerDN(name);
        certificate.SetSubjectDN(name);
        certificate.SetNotBefore(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        certificate.SetNotAfter(new DateTime(2036, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        certificate.SetPublicKey(keys.Public);
        certificate.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        if (tsa)
        {
            certificate.AddExtension(X509Extensions.ExtendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeID.id_kp_timeStamping));
        }

        return new PdfSigner(algorithm, keys.Private, certificate.Generate(new Asn1SignatureFactory(algorithm, keys.Private)));
    }
}
