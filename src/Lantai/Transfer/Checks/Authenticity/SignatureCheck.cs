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
    private const int MaxPdfSignatures = 100;

    public string Key => CheckKeys.Signature;

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Verifying a signature hashes the whole signed file: one file per core.
        var perFile = await context.JudgeFilesAsync(context.Files, FindingsAsync, cancellationToken);
        var findings = perFile.SelectMany(f => f).ToList();
        if (findings.Count == 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.NotChecked, "包内文件没有电子签名，无需验证"));
        }

        return findings;
    }

    private async ValueTask<IReadOnlyList<CheckFinding>> FindingsAsync(CheckSubjectFile file, CancellationToken cancellationToken)
    {
        var format = await inspections.FormatAsync(file.FullPath, cancellationToken);
        if (ContentInspections.IsPdf(format))
        {
            return PdfFindings(file, inspections.Pdf(file.FullPath, cancellationToken), cancellationToken);
        }

        if (!ContentInspections.IsOfd(format))
        {
            return [];
        }

        var findings = new List<CheckFinding>();
        foreach (var signature in inspections.Ofd(file.FullPath, cancellationToken).Signatures)
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

        return findings;
    }

    private static List<CheckFinding> PdfFindings(CheckSubjectFile file, PdfInspection pdf, CancellationToken cancellationToken)
    {
        // Each signature hashes the whole file: a forged PDF with thousands of fields must not make the check run for hours.
        var fields = pdf.SignatureFields.Take(MaxPdfSignatures).ToList();
        var results = fields.Select(f => (Field: f, Verification: PdfSignatureVerifier.Verify(file.FullPath, f, pdf.Encrypted, cancellationToken))).ToList();

        // A signature followed by incremental updates is valid for the revision it signed; when a later valid signature
        // covers the whole file, the later signer signed what was appended, which the archivist should read too.
        var wholeFile = results.FirstOrDefault(r => r.Verification.Valid == true && !r.Verification.LaterRevisions).Field;
        var findings = new List<CheckFinding>();
        foreach (var (field, result) in results)
        {
            var outcome = result.Valid switch
            {
                true => result.LaterRevisions ? CheckOutcome.Warning : CheckOutcome.Passed,
                false => CheckOutcome.Failed,
                null => CheckOutcome.NotChecked,
            };
            var covered = result.LaterRevisions && wholeFile is not null ? $"；其后追加的修订由签名域“{wholeFile.Name}”的有效签名覆盖" : "";
            findings.Add(CheckSubjects.About(file, outcome, $"文件“{file.Path}”的 PDF 签名域“{field.Name}”：{result.Evidence}{covered}"));
        }

        if (pdf.SignatureFields.Count > MaxPdfSignatures)
        {
            findings.Add(CheckSubjects.About(file, CheckOutcome.NotChecked,
                $"文件“{file.Path}”有 {pdf.SignatureFields.Count} 个签名域，只验证了前 {MaxPdfSignatures} 个，其余未检测"));
        }

        return findings;
    }
}
