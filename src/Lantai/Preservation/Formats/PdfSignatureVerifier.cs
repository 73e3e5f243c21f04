using System.Buffers;
using System.Globalization;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using CmsAttributes = Org.BouncyCastle.Asn1.Cms.CmsAttributes;
using CmsTime = Org.BouncyCastle.Asn1.Cms.Time;

namespace Lantai.Preservation.Formats;

/// <summary>
/// Verifies a PDF signature (ISO 32000-1 §12.8, PAdES) against the file's bytes: the /ByteRange must start at 0 and
/// leave out exactly the /Contents hex string (what follows the signed revision must be an incremental update, reported
/// as such); the digest of the covered bytes (streamed from the file) must equal the CMS messageDigest (adbe.pkcs7.detached,
/// ETSI.CAdES.detached), the encapsulated SHA-1 (adbe.pkcs7.sha1) or the time-stamp's message imprint (ETSI.RFC3161);
/// and the CMS signature must verify with the signer's certificate carried in it — RSA, ECDSA or SM2 (SM3withSM2), as far
/// as BouncyCastle's CMS verifier goes. Not checked: the certificate's chain, validity period and revocation (Lantai has
/// no trust roots configured), and whether the changes in later revisions are allowed (DocMDP).
/// </summary>
public static class PdfSignatureVerifier
{
    private const string ChainNotChecked = "证书链未验证（无信任根配置），吊销状态未检测";

    /// <summary>
    /// The largest signature value read: a CMS with a certificate chain, revocation data and a time-stamp is some tens of
    /// KB; 1 MB is far beyond any real signature and bounds what a forged /Contents or /ByteRange makes us hold or read.
    /// </summary>
    internal const int MaxContentsBytes = 1024 * 1024;

    private const long MaxContentsHex = 2L * MaxContentsBytes;

    /// <summary>White space of ISO 32000-1 §7.2.2.</summary>
    private static readonly SearchValues<byte> PdfWhitespace = SearchValues.Create(" \r\n\t\f\0"u8);

    private enum SignatureKind
    {
        Detached,
        Sha1,
        TimeStamp,
    }

    public static PdfSignatureVerification Verify(string path, PdfSignatureField field, bool encrypted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!field.Signed)
        {
            return new(null, false, "空签名域（尚未签名，没有签名值），无可验证");
        }

        if (field.Problem is not null)
        {
            return new(false, false, field.Problem);
        }

        SignatureKind kind;
        switch (field.SubFilter)
        {
            case "adbe.pkcs7.detached" or "ETSI.CAdES.detached":
                kind = SignatureKind.Detached;
                break;
            case "adbe.pkcs7.sha1":
                kind = SignatureKind.Sha1;
                break;
            case "ETSI.RFC3161":
                kind = SignatureKind.TimeStamp;
                break;
            default:
                return new(null, false, $"签名格式 /SubFilter {field.SubFilter ?? "(未声明)"} 不支持验证（支持 adbe.pkcs7.detached、ETSI.CAdES.detached、adbe.pkcs7.sha1、ETSI.RFC3161）");
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var problem = CheckRange(file, field, encrypted, out var cms, out var laterBytes);
            return problem is not null ? new(false, false, problem) : VerifyCms(file, field, kind, cms, laterBytes, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // The file and its CMS are hostile; BouncyCastle throws many types on them. Each is a finding, never a crash of the check.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new(null, false, "签名验证时出错，未能判断：" + ex.Message);
        }
    }

    /// <summary>
    /// The /ByteRange must be [0 a b c]: from the start of the file to the '&lt;' of the /Contents hex string, and from
    /// after its '&gt;' to the end of the signed revision. Returns the problem (Chinese), or null with the CMS read from
    /// the gap and the number of bytes after the signed revision (an incremental update), 0 when it covers the file.
    /// The dictionary's values come from PdfPig, but PdfPig gives tokens, not where they lie in the file: the gap itself is
    /// read from the raw bytes and must decode to the same /Contents, so the range cannot point at some other string.
    /// </summary>
    private static string? CheckRange(FileStream file, PdfSignatureField field, bool encrypted, out byte[] cms, out long laterBytes)
    {
        cms = [];
        laterBytes = 0;
        var r = field.ByteRange;
        if (r.Count != 4)
        {
            return r.Count > 4 && r.Count % 2 == 0
                ? $"ByteRange 有 {r.Count / 2} 段：除签名值外还有未被签名的空隙，不覆盖整个文件"
                : $"ByteRange 应为 4 个数（两段），实有 {r.Count} 个";
        }

        var length = file.Length;
        if (r[0] != 0)
        {
            return $"ByteRange 不从文件开头开始（起点为第 {r[0]} 字节）：文件开头的 {r[0]} 字节不在签名范围内，ByteRange 不覆盖整个文件";
        }

        long gapStart = r[1], gapEnd = r[2], end = r[2] + r[3];
        if (gapEnd < gapStart + 2)
        {
            return $"ByteRange 的两段重叠或次序颠倒（{r[0]} {r[1]} {r[2]} {r[3]}）";
        }

        if (end > length)
        {
            return $"ByteRange 超出文件：签名范围到第 {end} 字节，文件只有 {length} 字节（文件在签名后被截短，或 ByteRange 被篡改）";
        }

        if (gapEnd - gapStart > MaxContentsHex + 2)
        {
            return $"ByteRange 留出的未签名空隙长 {gapEnd - gapStart} 字节，远超签名值应有的长度：空隙中的内容不受签名保护";
        }

        var gap = new byte[gapEnd - gapStart];
        file.Position = gapStart;
        file.ReadExactly(gap);
        var hex = DecodeHexString(gap);
        if (hex is null)
        {
            return $"ByteRange 留出的空隙（第 {gapStart}–{gapEnd - 1} 字节）不是一个十六进制串 <…>：未被签名的不只是签名值 /Contents，ByteRange 不覆盖整个文件";
        }

        // PdfPig decrypts strings of an encrypted PDF, though /Contents of a signature is never encrypted: compare only when clear.
        if (!encrypted && !hex.AsSpan().SequenceEqual(field.Contents.Span))
        {
            return "ByteRange 留出的十六进制串与签名字典的 /Contents 不同：空隙不是本签名的签名值，ByteRange 被篡改";
        }

        cms = hex;
        if (end == length)
        {
            return null;
        }

        var tail = ReadTail(file, end, length);
        if (tail.AllWhitespace)
        {
            return null;
        }

        // An incremental update (ISO 32000-1 §7.5.6) appends objects, an xref section and a trailer after the %%EOF of the
        // signed revision. Anything else after the signed range is bytes nobody signed.
        if (SignedRevisionEndsWithEof(file, end) && tail.EndsWithEof)
        {
            laterBytes = length - end;
            return null;
        }

        return $"签名范围之后还有 {length - end} 字节，既不在签名范围内，也不是规范的增量更新：ByteRange 不覆盖整个文件（签名后被追加或改动）";
    }

    /// <summary>Decodes a PDF hex string "&lt;…&gt;" (white space allowed, an odd last digit padded with 0); null when it is not one.</summary>
    private static byte[]? DecodeHexString(byte[] gap)
    {
        if (gap.Length < 2 || gap[0] != (byte)'<' || gap[^1] != (byte)'>')
        {
            return null;
        }

        var result = new byte[(gap.Length - 1) / 2];
        var count = 0;
        var high = -1;
        for (var i = 1; i < gap.Length - 1; i++)
        {
            var c = gap[i];
            if (c is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0)
            {
                continue;
            }

            var digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return null;
            }

            if (high < 0)
            {
                high = digit;
            }
            else
            {
                result[count++] = (byte)((high << 4) | digit);
                high = -1;
            }
        }

        if (high >= 0)
        {
            result[count++] = (byte)(high << 4);
        }

        return result[..count];
    }

    private static (bool AllWhitespace, bool EndsWithEof) ReadTail(FileStream file, long start, long length)
    {
        // Only the first non-white byte and the last KB are looked at: a later revision may be large.
        var buffer = new byte[64 * 1024];
        var allWhite = true;
        file.Position = start;
        int read;
        while (allWhite && (read = file.Read(buffer)) > 0)
        {
            allWhite = buffer.AsSpan(0, read).IndexOfAnyExcept(PdfWhitespace) < 0;
        }

        var last = (int)Math.Min(1024, length - start);
        var end = new byte[last];
        file.Position = length - last;
        file.ReadExactly(end);
        return (allWhite, end.AsSpan().IndexOf("%%EOF"u8) >= 0);
    }

    private static bool SignedRevisionEndsWithEof(FileStream file, long end)
    {
        var count = (int)Math.Min(64, end);
        var bytes = new byte[count];
        file.Position = end - count;
        file.ReadExactly(bytes);
        var last = bytes.AsSpan().LastIndexOfAnyExcept(PdfWhitespace);
        return last >= 0 && bytes.AsSpan(0, last + 1).EndsWith("%%EOF"u8);
    }

    private static PdfSignatureVerification VerifyCms(FileStream file, PdfSignatureField field, SignatureKind kind, byte[] contents, long laterBytes, CancellationToken cancellationToken)
    {
        if (!contents.AsSpan().ContainsAnyExcept((byte)0))
        {
            return new(false, false, "签名值 /Contents 全为零：只留了占位，签名没有完成");
        }

        byte[] der;
        CmsSignedData signed;
        try
        {
            der = FirstObject(contents);
            signed = new CmsSignedData(der);
        }
#pragma warning disable CA1031 // Garbage in /Contents makes BouncyCastle's ASN.1 and CMS parsers throw many types; each means "not a CMS".
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new(false, false, $"签名值 /Contents 不是有效的 CMS（PKCS#7）签名数据（{ex.Message}）");
        }

        var signers = signed.GetSignerInfos().GetSigners();
        if (signers.Count != 1)
        {
            return signers.Count == 0
                ? new(false, false, "CMS 签名数据中没有签名者")
                : new(null, false, $"CMS 签名数据含 {signers.Count} 个签名者，PDF 签名应只有一个，未验证");
        }

        var signer = signers.First();
        var certificate = signed.GetCertificates().EnumerateMatches(signer.SignerID).FirstOrDefault();
        if (certificate is null)
        {
            return new(null, false, "CMS 签名数据中没有签名者的证书，签名值无法验证");
        }

        var digestOid = signer.DigestAlgorithmID.Algorithm.Id;
        var digestName = DigestName(digestOid);
        var ranges = field.ByteRange;
        string? signingTime = null;
        switch (kind)
        {
            case SignatureKind.Detached:
                {
                    var digest = Digest(file, ranges, digestOid, cancellationToken);
                    if (digest is null)
                    {
                        return new(null, false, $"摘要算法 {digestOid} 不支持，签名未验证");
                    }

                    if (signer.SignedAttributes?[CmsAttributes.MessageDigest] is CmsAttribute attribute)
                    {
                        var declared = attribute.AttrValues.Count == 1 && attribute.AttrValues[0] is Asn1OctetString octets ? octets.GetOctets() : null;
                        if (declared is null)
                        {
                            return new(false, false, "签名属性 messageDigest 不是一个 OCTET STRING：签名数据格式错误");
                        }

                        if (!declared.AsSpan().SequenceEqual(digest))
                        {
                            return new(false, false, $"摘要不一致：签名者签署的 {digestName} 摘要为 {Convert.ToHexStringLower(declared)}，签名范围内文件内容的摘要为 {Convert.ToHexStringLower(digest)}——文件在签名后被修改");
                        }
                    }

                    // The digest computed from the file stands in for the detached content (nothing else is loaded).
                    signed = new CmsSignedData(new Dictionary<string, byte[]> { [digestOid] = digest }, der);
                    signer = signed.GetSignerInfos().GetSigners().First();
                    break;
                }

            case SignatureKind.Sha1:
                {
                    // adbe.pkcs7.sha1: the SHA-1 of the signed bytes is the encapsulated content the CMS signs.
                    var digest = Digest(file, ranges, "1.3.14.3.2.26", cancellationToken)!;
                    byte[]? content = null;
                    if (signed.SignedContent is { } encapsulated)
                    {
                        using var buffer = new MemoryStream();
                        encapsulated.Write(buffer);
                        content = buffer.ToArray();
                    }

                    if (content is null || !content.AsSpan().SequenceEqual(digest))
                    {
                        return new(false, false, $"摘要不一致：签名中封装的 SHA-1 摘要为 {(content is null ? "(缺失)" : Convert.ToHexStringLower(content))}，签名范围内文件内容的摘要为 {Convert.ToHexStringLower(digest)}——文件在签名后被修改");
                    }

                    break;
                }

            case SignatureKind.TimeStamp:
                {
                    TimeStampToken token;
                    try
                    {
                        token = new TimeStampToken(signed);
                    }
                    catch (Exception ex) when (ex is TspException or ArgumentException or InvalidCastException or IOException)
                    {
                        return new(false, false, $"签名值 /Contents 不是有效的 RFC 3161 时间戳（{ex.Message}）");
                    }

                    var imprintOid = token.TimeStampInfo.MessageImprintAlgOid;
                    var digest = Digest(file, ranges, imprintOid, cancellationToken);
                    if (digest is null)
                    {
                        return new(null, false, $"时间戳的摘要算法 {imprintOid} 不支持，未验证");
                    }

                    var imprint = token.TimeStampInfo.GetMessageImprintDigest();
                    if (!imprint.AsSpan().SequenceEqual(digest))
                    {
                        return new(false, false, $"摘要不一致：文档时间戳的 {DigestName(imprintOid)} 摘要为 {Convert.ToHexStringLower(imprint)}，签名范围内文件内容的摘要为 {Convert.ToHexStringLower(digest)}——文件在加盖时间戳后被修改");
                    }

                    signingTime = "时间戳时间 " + token.TimeStampInfo.GenTime.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
                    break;
                }
        }

        var signerName = SignerName(certificate);
        var algorithm = $"{digestName}/{SignatureName(signer, certificate)}";
        bool valid;
        try
        {
            valid = signer.Verify(certificate);
        }
        catch (CmsException ex) when (ex.Message.Contains("message-digest", StringComparison.OrdinalIgnoreCase))
        {
            return new(false, false, $"摘要不一致：签名中的摘要与签名范围内文件内容的摘要不符（签名者{signerName}）——文件在签名后被修改");
        }
#pragma warning disable CA1031 // An algorithm BouncyCastle does not know, a malformed key or signature value: cannot be judged here.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new(null, false, $"签名值无法验证（{algorithm}，签名者{signerName}）：{ex.Message}");
        }

        if (!valid)
        {
            return new(false, false, $"签名值无效：签名者{signerName}证书的公钥（{algorithm}）验证签名不通过——签名值或签名属性被篡改");
        }

        signingTime ??= SigningTime(signer, field);
        var coverage = laterBytes > 0
            ? $"签名只覆盖到第 {field.ByteRange[2] + field.ByteRange[3]} 字节：之后的 {laterBytes} 字节是签名后追加的增量更新（可能是后续签名、表单填写或批注，也可能是对内容的修改），不受本签名保护"
            : "签名覆盖整个文件（仅留出签名值本身）";
        var what = kind == SignatureKind.TimeStamp ? "文档时间戳有效（ETSI.RFC3161）：时间戳机构" : $"签名有效（{field.SubFilter}）：签名者";
        return new(true, laterBytes > 0, $"{what}{signerName}，算法 {algorithm}{(signingTime is null ? "" : "，" + signingTime)}；{coverage}；{ChainNotChecked}");
    }

    /// <summary>/Contents is padded with zeros after the DER; BouncyCastle refuses trailing data, so only the first object is kept.</summary>
    private static byte[] FirstObject(byte[] contents)
    {
        using var stream = new MemoryStream(contents, writable: false);
        using var input = new Asn1InputStream(stream, contents.Length);
        _ = input.ReadObject() ?? throw new IOException("没有 ASN.1 对象");
        return contents[..(int)stream.Position];
    }

    /// <summary>The digest of the signed ranges, read from the file in blocks; null when the algorithm is unknown.</summary>
    private static byte[]? Digest(FileStream file, IReadOnlyList<long> ranges, string oid, CancellationToken cancellationToken)
    {
        IDigest digest;
        try
        {
            digest = DigestUtilities.GetDigest(oid);
        }
        catch (SecurityUtilityException)
        {
            return null;
        }

        var buffer = new byte[64 * 1024];
        for (var i = 0; i < ranges.Count; i += 2)
        {
            file.Position = ranges[i];
            var left = ranges[i + 1];
            while (left > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0)
                {
                    throw new EndOfStreamException("签名范围超出文件");
                }

                digest.BlockUpdate(buffer, 0, read);
                left -= read;
            }
        }

        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }

    private static string DigestName(string oid)
    {
        var name = DigestUtilities.GetAlgorithmName(new DerObjectIdentifier(oid));
        return string.IsNullOrEmpty(name) ? oid : name;
    }

    private static string SignatureName(SignerInformation signer, X509Certificate certificate)
    {
        var oid = signer.SignatureAlgorithm.Algorithm.Id;
        var key = certificate.GetPublicKey();
        return oid switch
        {
            _ when oid.StartsWith("1.2.156.10197.1.5", StringComparison.Ordinal) || oid.StartsWith("1.2.156.10197.1.301", StringComparison.Ordinal) => "SM2",
            _ when key is RsaKeyParameters rsa => oid == "1.2.840.113549.1.1.10" ? $"RSA-PSS-{rsa.Modulus.BitLength}" : $"RSA-{rsa.Modulus.BitLength}",
            _ when key is ECPublicKeyParameters => "ECDSA",
            _ => oid,
        };
    }

    private static string SignerName(X509Certificate certificate)
    {
        var names = certificate.SubjectDN.GetValueList(X509Name.CN);
        return names.Count > 0 ? $"“{names[0]}”" : $"“{certificate.SubjectDN}”";
    }

    /// <summary>The signed signingTime attribute; else the /M the signer claims, which the signature does not cover.</summary>
    private static string? SigningTime(SignerInformation signer, PdfSignatureField field)
    {
        if (signer.SignedAttributes?[CmsAttributes.SigningTime] is CmsAttribute attribute)
        {
            var time = CmsTime.GetInstance(attribute.AttrValues[0]).ToDateTime().ToUniversalTime();
            return "签名时间 " + time.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        }

        return field.ClaimedTime is { Length: > 0 } claimed ? $"签名时间（/M，签名者自述，未受签名保护）{claimed}" : null;
    }
}
