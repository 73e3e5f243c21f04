using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms.Fields;

namespace Lantai.Preservation.Formats;

/// <summary>
/// Opens a PDF with PdfPig from a file stream (PdfPig reads objects through the cross-reference table, so a large PDF
/// is not loaded whole), reads every page, and returns its metadata and signature fields.
/// </summary>
public static class PdfInspector
{
    /// <summary>
    /// Opens strictly first; a PDF that only opens with lenient parsing (wrong cross-reference offsets and similar
    /// damage most viewers repair silently) is readable but reported in <see cref="PdfInspection.Repaired"/>.
    /// </summary>
    public static PdfInspection Inspect(string path, CancellationToken cancellationToken)
    {
        var strict = Inspect(path, lenient: false, cancellationToken);
        if (strict.Problem is null)
        {
            return strict;
        }

        var lenient = Inspect(path, lenient: true, cancellationToken);
        return lenient.Problem is null ? lenient with { Repaired = strict.Problem } : strict;
    }

    private static PdfInspection Inspect(string path, bool lenient, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            using var document = PdfDocument.Open(stream, new ParsingOptions { UseLenientParsing = lenient, SkipMissingFonts = true });
            var pages = document.NumberOfPages;
            if (pages < 1)
            {
                return new PdfInspection { Problem = "PDF 没有页面" };
            }

            for (var i = 1; i <= pages; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _ = document.GetPage(i);
            }

            var signatures = new List<string>();
            if (document.TryGetForm(out var form))
            {
                signatures.AddRange(form.Fields.Where(f => f.FieldType == AcroFieldType.Signature).Select(f => f.Information.PartialName ?? "(未命名)"));
            }

            return new PdfInspection
            {
                PageCount = pages,
                Title = string.IsNullOrWhiteSpace(document.Information.Title) ? null : document.Information.Title.Trim(),
                CreationDate = ParseDate(document.Information.CreationDate),
                Encrypted = document.IsEncrypted,
                SignatureFields = signatures,
            };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // PdfPig throws many exception types on broken files; each is the evidence of a PDF that does not parse.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new PdfInspection { Problem = "PDF 无法解析：" + ex.Message };
        }
    }

    /// <summary>A PDF date "D:YYYYMMDDHHmmSSOHH'mm'" (ISO 32000 7.9.4); only the date part is compared with the catalogue.</summary>
    internal static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.Trim();
        if (s.StartsWith("D:", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        return s.Length >= 8 && DateOnly.TryParseExact(s[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
