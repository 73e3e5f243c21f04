using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Tokens;

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

            var signatures = new List<PdfSignatureField>();
            if (document.TryGetForm(out var form))
            {
                foreach (var (field, name) in SignatureFields(form.Fields, null))
                {
                    signatures.Add(ReadSignature(document, field, name));
                }
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

    /// <summary>The signature fields among the form's fields, with their full names (parent.child), at any depth.</summary>
    private static IEnumerable<(AcroFieldBase Field, string Name)> SignatureFields(IEnumerable<AcroFieldBase> fields, string? parent)
    {
        foreach (var field in fields)
        {
            var partial = field.Information.PartialName;
            var name = parent is null ? partial : partial is null ? parent : parent + "." + partial;
            if (field.FieldType == AcroFieldType.Signature)
            {
                yield return (field, name ?? "(未命名)");
            }
            else if (field is AcroNonTerminalField group)
            {
                foreach (var child in SignatureFields(group.Children, name))
                {
                    yield return child;
                }
            }
        }
    }

    /// <summary>
    /// The signature dictionary (/V) of a field, as PdfPig tokenised it. A malformed dictionary is a finding about that
    /// signature (<see cref="PdfSignatureField.Problem"/>), never a reason to call the whole PDF unreadable.
    /// </summary>
    private static PdfSignatureField ReadSignature(PdfDocument document, AcroFieldBase field, string name)
    {
        try
        {
            var v = Resolve(document, field.Dictionary, "V");
            if (v is null or NullToken)
            {
                return new PdfSignatureField { Name = name };
            }

            if (v is not DictionaryToken value)
            {
                return new PdfSignatureField { Name = name, Signed = true, Problem = "签名域的值 /V 不是签名字典" };
            }

            var subFilter = Resolve(document, value, "SubFilter") is NameToken sub ? sub.Data : null;
            var claimed = Resolve(document, value, "M") is StringToken m ? m.Data : null;
            var signature = new PdfSignatureField { Name = name, Signed = true, SubFilter = subFilter, ClaimedTime = claimed };
            var contents = Resolve(document, value, "Contents") switch
            {
                HexToken hex => hex.Memory,
                StringToken text => text.GetBytes(),
                _ => (ReadOnlyMemory<byte>?)null,
            };
            if (contents is null)
            {
                return signature with { Problem = "签名字典没有 /Contents 签名值" };
            }

            if (contents.Value.Length > PdfSignatureVerifier.MaxContentsBytes)
            {
                return signature with { Problem = $"签名值 /Contents 长 {contents.Value.Length} 字节，远超签名应有的长度（至多 {PdfSignatureVerifier.MaxContentsBytes} 字节），未读取" };
            }

            if (Resolve(document, value, "ByteRange") is not ArrayToken range)
            {
                return signature with { Contents = contents.Value, Problem = "签名字典没有 /ByteRange，无法确定签名覆盖的范围" };
            }

            if (range.Data.Count > 64)
            {
                return signature with { Contents = contents.Value, Problem = $"/ByteRange 有 {range.Data.Count} 个数，不是一个签名范围" };
            }

            var offsets = new List<long>();
            foreach (var item in range.Data)
            {
                // Offsets are whole, non-negative and below 2^53 (exact in a double); anything else is a forged range.
                if (item is not NumericToken number || number.Double < 0 || number.Double > 9e15 || Math.Floor(number.Double) != number.Double)
                {
                    return signature with { Contents = contents.Value, Problem = "/ByteRange 含非整数、负数或过大的数" };
                }

                offsets.Add((long)number.Double);
            }

            return signature with { Contents = contents.Value, ByteRange = offsets };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // PdfPig throws many exception types on a broken object; it is the evidence of a malformed signature.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new PdfSignatureField { Name = name, Signed = true, Problem = "签名字典无法读取：" + ex.Message };
        }
    }

    private static IToken? Resolve(PdfDocument document, DictionaryToken dictionary, string key)
    {
        if (!dictionary.TryGet(NameToken.Create(key), out var token))
        {
            return null;
        }

        // One level of indirection is what writers use (/V 12 0 R); a chain of references is not followed.
        return token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;
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
