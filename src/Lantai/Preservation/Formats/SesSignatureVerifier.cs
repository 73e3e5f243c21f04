using Lantai.Security;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Lantai.Preservation.Formats;

/// <summary>
/// Verifies the value of an OFD electronic seal (SignedValue.dat): an SES_Signature of GB/T 38540-2020 (version 4) or
/// GM/T 0031-2014 (version 1). Checks that its dataHash is the SM3 of the signed Signature.xml and that its SM2
/// signature over the DER of TBS_Sign verifies with the public key of the signer's certificate carried inside.
/// Not checked: the certificate's chain, validity period and revocation, and the seal maker's signature over the
/// seal itself — there is no trust store of seal authorities in Lantai.
/// </summary>
public static class SesSignatureVerifier
{
    /// <summary>
    /// A PKCS#7/CMS SignedData (GM/T 0010, content type 1.2.156.10197.6.1.4.2.2) detached over Signature.xml: the signed
    /// attributes' messageDigest must be the SM3 of Signature.xml and the SM2 signature over them must verify with the
    /// signer's certificate carried in the structure.
    /// </summary>
    private static (bool? Valid, string Evidence) VerifyCms(Asn1Sequence outer, byte[] signatureXml)
    {
        const string Kind = "PKCS#7 签名（GM/T 0010）";
        try
        {
            var contentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo.GetInstance(outer);
            var signedData = Org.BouncyCastle.Asn1.Cms.SignedData.GetInstance(contentInfo.Content);
            if (signedData.SignerInfos.Count != 1 || signedData.Certificates is null)
            {
                return (null, $"{Kind}含 {signedData.SignerInfos.Count} 个签名者或不含证书，未验证");
            }

            var signer = Org.BouncyCastle.Asn1.Cms.SignerInfo.GetInstance(signedData.SignerInfos[0]);
            var parser = new X509CertificateParser();
            var certificates = signedData.Certificates.Cast<Asn1Encodable>().Select(c => parser.ReadCertificate(c.GetEncoded(Asn1Encodable.Der))).ToList();
            var serial = signer.SignerID.ID is Asn1Encodable id && Org.BouncyCastle.Asn1.Cms.IssuerAndSerialNumber.GetInstance(id) is { } issuer
                ? issuer.SerialNumber.Value
                : null;
            var cert = certificates.FirstOrDefault(c => serial is not null && c.SerialNumber.Equals(serial)) ?? certificates[0];

            // What is signed: the signed attributes as a SET (RFC 5652 §5.4) in the order they were written (a DER
            // re-encoding would sort them), or Signature.xml itself when there are none.
            var candidates = new List<byte[]>();
            if (signer.SignedAttrs is { } attributes)
            {
                var digest = attributes.Cast<Asn1Encodable>().Select(Org.BouncyCastle.Asn1.Cms.Attribute.GetInstance)
                    .FirstOrDefault(a => a.AttrType.Id == "1.2.840.113549.1.9.4");
                if (digest is null || !Asn1OctetString.GetInstance(digest.AttrValues[0]).GetOctets().AsSpan().SequenceEqual(Sm3.Hash(signatureXml)))
                {
                    return (false, $"{Kind}中的原文摘要与 Signature.xml 的 SM3 摘要不符（签名后被修改）");
                }

                candidates.Add(new DLSet(attributes.Cast<Asn1Encodable>().ToArray()).GetEncoded(Asn1Encodable.DL));
                candidates.Add(attributes.GetEncoded(Asn1Encodable.Der));
            }
            else
            {
                candidates.Add(signatureXml);
            }

            var value = ToDer(signer.Signature.GetOctets());
            var valid = candidates.Any(signed =>
            {
                var verifier = SignerUtilities.GetSigner("SM3withSM2");
                verifier.Init(false, cert.GetPublicKey());
                verifier.BlockUpdate(signed, 0, signed.Length);
                return verifier.VerifySignature(value);
            });
            return valid
                ? (true, $"{Kind} SM2 签名值验证通过（签名者：{cert.SubjectDN}；证书链和吊销状态未检测）")
                : (false, $"{Kind} SM2 签名值验证失败（签名者：{cert.SubjectDN}）");
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidCastException or InvalidOperationException or
            Org.BouncyCastle.Security.Certificates.CertificateException or Org.BouncyCastle.Crypto.CryptoException or IndexOutOfRangeException)
        {
            return (null, $"{Kind}结构无法解析（{ex.Message}），签名值未验证");
        }
    }

    /// <summary>Some producers store the SM2 signature as the raw 64 bytes r‖s instead of DER; BouncyCastle verifies DER.</summary>
    private static byte[] ToDer(byte[] signature)
    {
        if (signature.Length != 64)
        {
            return signature;
        }

        var r = new Org.BouncyCastle.Math.BigInteger(1, signature, 0, 32);
        var s = new Org.BouncyCastle.Math.BigInteger(1, signature, 32, 32);
        return new DerSequence(new DerInteger(r), new DerInteger(s)).GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>True/false when judged, null when the value cannot be judged here; with the evidence (Chinese).</summary>
    public static (bool? Valid, string Evidence) Verify(byte[] signedValue, byte[] signatureXml)
    {
        ArgumentNullException.ThrowIfNull(signedValue);
        Asn1Sequence outer;
        try
        {
            outer = Asn1Sequence.GetInstance(Asn1Object.FromByteArray(signedValue));
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidCastException)
        {
            return (null, "签名值不是 DER 编码的 ASN.1 结构");
        }

        // A bare SM2 signature (SEQUENCE of two INTEGERs, Type="Sign") carries no certificate to verify it with.
        if (outer.Count == 2 && outer[0] is DerInteger && outer[1] is DerInteger)
        {
            return (null, "签名值为裸 SM2 签名（r, s），包内没有签名者证书，无法验证");
        }

        if (outer.Count >= 1 && outer[0] is DerObjectIdentifier)
        {
            return VerifyCms(outer, signatureXml);
        }

        try
        {
            Asn1Sequence tbs;
            byte[] certificate;
            byte[] signature;
            string version;
            if (outer.Count == 2)
            {
                // GM/T 0031-2014: SES_Signature { toSign TBS_Sign, signature BIT STRING }, the certificate inside TBS_Sign.
                tbs = Asn1Sequence.GetInstance(outer[0]);
                certificate = Asn1OctetString.GetInstance(tbs[5]).GetOctets();
                signature = DerBitString.GetInstance(outer[1]).GetBytes();
                version = "GM/T 0031-2014 (V1)";
            }
            else
            {
                // GB/T 38540-2020: SES_Signature { toSign, cert OCTET STRING, signatureAlgID, signature BIT STRING, [0] timeStamp }.
                tbs = Asn1Sequence.GetInstance(outer[0]);
                certificate = Asn1OctetString.GetInstance(outer[1]).GetOctets();
                signature = DerBitString.GetInstance(outer[3]).GetBytes();
                version = "GB/T 38540-2020 (V4)";
            }

            var dataHash = DerBitString.GetInstance(tbs[3]).GetBytes();
            if (!dataHash.AsSpan().SequenceEqual(Sm3.Hash(signatureXml)))
            {
                return (false, $"{version} 签章中的原文摘要与 Signature.xml 的 SM3 摘要不符（签名后被修改）");
            }

            var cert = new X509CertificateParser().ReadCertificate(certificate);
            var verifier = SignerUtilities.GetSigner("SM3withSM2");
            verifier.Init(false, cert.GetPublicKey());
            var signed = tbs.GetEncoded(Asn1Encodable.Der);
            verifier.BlockUpdate(signed, 0, signed.Length);
            return verifier.VerifySignature(ToDer(signature))
                ? (true, $"{version} 签章 SM2 签名值验证通过（签名者：{cert.SubjectDN}；证书链和吊销状态未检测）")
                : (false, $"{version} 签章 SM2 签名值验证失败（签名者：{cert.SubjectDN}）");
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidCastException or InvalidOperationException or
            Org.BouncyCastle.Security.Certificates.CertificateException or Org.BouncyCastle.Crypto.CryptoException or IndexOutOfRangeException)
        {
            return (null, $"签章结构无法解析（{ex.Message}），签名值未验证");
        }
    }
}
