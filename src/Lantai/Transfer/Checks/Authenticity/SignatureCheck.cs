using Lantai.Preservation.Formats;

namespace Lantai.Transfer.Checks.Authenticity;

/// <summary>
/// Electronic signatures present in OFD and PDF files. For OFD every signature's references (the digests of the package
/// files it signs, CheckMethod SM3/SHA-1/MD5/SHA-256) are recomputed and compared, and the signature value
/// (SignedValue.dat, an SES seal of GB/T 38540 or GM/T 0031) is verified with the SM2 key of the certificate it carries
/// (<see cref="SesSignatureVerifier"/>). Bare SM2 values without a certificate, certificate chains and PDF signatures
/// (CMS) are reported 未检测 with the reason.
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
                if (pdf.SignatureFields.Count > 0)
                {
                    findings.Add(CheckSubjects.About(file, CheckOutcome.NotChecked,
                        $"文件“{file.Path}”含 {pdf.SignatureFields.Count} 个 PDF 签名域（{string.Join("、", pdf.SignatureFields)}），签名有效性未验证——PDF（CMS）签名验证尚未实现"));
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
