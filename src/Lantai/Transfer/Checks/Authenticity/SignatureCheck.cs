using Lantai.Preservation.Formats;

namespace Lantai.Transfer.Checks.Authenticity;

/// <summary>
/// Electronic signatures present in OFD and PDF files. For OFD every signature's references (the digests of the package
/// files it signs, CheckMethod SM3/SHA-1/MD5/SHA-256) are recomputed and compared. The signature value itself
/// (SignedValue.dat: a GB/T 38540 SES seal with an SM2 signature over the reference list) and PDF signatures (CMS) are
/// reported 未检测 with the reason: Lantai does not yet verify them or the signers' certificates.
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
                    findings.Add(CheckSubjects.About(file, CheckOutcome.NotChecked,
                        $"{name}：签名值 {signature.SignedValuePath ?? "(缺失)"}（签名算法 {signature.SignatureMethod ?? "未声明"}）未验证——SES 电子签章（GB/T 38540）的 SM2 签名值和证书验证尚未实现"));
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
