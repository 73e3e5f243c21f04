namespace Lantai.Preservation.Formats;

/// <summary>What <see cref="PdfSignatureVerifier"/> found about one PDF signature.</summary>
/// <param name="Valid">True or false when judged; null when it cannot be judged here (the reason is in the evidence).</param>
/// <param name="LaterRevisions">
/// The signature is valid for the revision it signed, but the file goes on after it (incremental updates: a later
/// signature, form filling, annotations — or changes): what was added is not covered by this signature.
/// </param>
/// <param name="Evidence">What was found (Chinese).</param>
public sealed record PdfSignatureVerification(bool? Valid, bool LaterRevisions, string Evidence);
