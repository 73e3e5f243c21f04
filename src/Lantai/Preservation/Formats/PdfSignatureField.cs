namespace Lantai.Preservation.Formats;

/// <summary>
/// A signature field (/FT /Sig) of a PDF's form and the signature dictionary (/V) it holds, as PdfPig read them. The
/// values are what the file says, unchecked: <see cref="PdfSignatureVerifier"/> judges them against the file's bytes.
/// </summary>
public sealed record PdfSignatureField
{
    /// <summary>The field's full name (/T of the field and its parents), or "(未命名)".</summary>
    public required string Name { get; init; }

    /// <summary>False for an empty field waiting to be signed (no /V).</summary>
    public bool Signed { get; init; }

    /// <summary>Set (Chinese) when the signature dictionary is malformed: no /ByteRange, /Contents not a string, non-integer offsets.</summary>
    public string? Problem { get; init; }

    /// <summary>/SubFilter, e.g. adbe.pkcs7.detached, ETSI.CAdES.detached, adbe.pkcs7.sha1, ETSI.RFC3161.</summary>
    public string? SubFilter { get; init; }

    /// <summary>/ByteRange: pairs of offset and length of the signed bytes.</summary>
    public IReadOnlyList<long> ByteRange { get; init; } = [];

    /// <summary>/Contents: the DER-encoded CMS (padded with zeros), as decoded from the hex string.</summary>
    public ReadOnlyMemory<byte> Contents { get; init; }

    /// <summary>/M, the signing time the signer claims (a PDF date, not covered by the CMS signature).</summary>
    public string? ClaimedTime { get; init; }
}
