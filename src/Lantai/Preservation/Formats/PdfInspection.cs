namespace Lantai.Preservation.Formats;

/// <summary>What <see cref="PdfInspector"/> learned of a PDF; <see cref="Problem"/> is set (Chinese) when it does not parse.</summary>
public sealed record PdfInspection
{
    public string? Problem { get; init; }

    /// <summary>Set (Chinese) when the PDF opened only with PdfPig's lenient parsing: readable, but not well formed.</summary>
    public string? Repaired { get; init; }

    public int PageCount { get; init; }

    public string? Title { get; init; }

    public DateOnly? CreationDate { get; init; }

    public bool Encrypted { get; init; }

    /// <summary>The signature fields (/FT /Sig) of the document's form, signed or not.</summary>
    public IReadOnlyList<PdfSignatureField> SignatureFields { get; init; } = [];
}
