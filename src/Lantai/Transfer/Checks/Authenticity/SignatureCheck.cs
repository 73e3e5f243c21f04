using Lantai.Preservation.Formats;

namespace Lantai.Transfer.Checks.Authenticity;

/// <summary>
/// Electronic signatures present in OFD and PDF files. For OFD every signature's references (the digests of the package
/// files it signs, CheckMethod SM3/SHA-1/MD5/SHA-256) are recomputed and compared, and the signature value
/// (SignedValue.dat, an SES seal of GB/T 38540 or GM/T 0031) is verified with the SM2 key of the certificate it carries
/// (<see cref="SesSignatureVerifier"/>). For PDF every signature field is verified by <see cref="PdfSignatureVerifier"/>:
/// the /ByteRange must cover the whole file but the /Contents hex string, the digest of the covered bytes must match the
/// CMS, and the CMS signature (RSA, ECDSA, SM2) must verify with the signer's certificate in it. A signature valid for
/// its revision but followed by incremental updates is a warning (what was appended is not signed); an empty signature
/// field, an unsupported /SubFilter or algorithm are 未检测 with the reason. Not checked anywhere: certificate chains,
/// validity periods and revocation (no trust roots are configured), and bare SM2 values without a certificate.
/// </summary>
public sealed class SignatureCheck(ContentInspections inspections) : ICheck
{
    public string Key => CheckKeys.Signature;

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<CheckFinding>();
        foreach (var file in context.Files)
        {
            var format = await inspections.FormatAsync(file.FullPath, cancellationToken);
            if (ContentInspections.IsOfd(format))
            {
                var ofd = inspections.Ofd(file.FullPath, cancellationToken);
                foreach (var signature in ofd.Signatures)
                {
                    var name = $"文件“{file.Path}”的签名 {signature.Path}";
                    findings.Add(signature.Problems.Count > 0
                        ? CheckSubjects.About(file, CheckOutcome.Failed, $"{name}：{string.Join("；", signature.Problems)}（{signature.Verified}/{signature.ReferenceCount} 个引用摘要一致）")
                        : CheckSubjects.About(file, CheckOutcome.Passed, $"{name}：{signature.ReferenceCount} 个被签名文件的 {signature.CheckMethod} 摘要全部一致"));
                    var value = signature.ValueValid switch
                    {
                        true => CheckOutcome.Passed,
                        false => CheckOutcome.Failed,
                        null => CheckOutcome.NotChecked,
                    };
                    findings.Add(CheckSubjects.About(file, value, $"{name}：签名值 {signature.SignedValuePath ?? "(缺失)"}：{signature.ValueEvidence}"));
                }
            }
            else if (ContentInspections.IsPdf(format))
            {
                var pdf = inspections.Pdf(file.FullPath, cancellationToken);
                foreach (var field in pdf.SignatureFields)
                {
                    var verification = PdfSignatureVerifier.Verify(file.FullPath, field, pdf.Encrypted, cancellationToken);
                    var outcome = verification.Valid switch
                    {
                        true => verification.LaterRevisions ? CheckOutcome.Warning : CheckOutcome.Passed,
                        false => CheckOutcome.Failed,
                        null => CheckOutcome.NotChecked,
                    };
                    findings.Add(CheckSubjects.About(file, outcome, $"文件“{file.Path}”的 PDF 签名域“{field.Name}”：{verification.Evidence}"));
                }
            }
        }

        if (findings.Count == 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.NotChecked, "包内文件没有电子签名，无需验证"));
        }

        return findings;
    }
}
