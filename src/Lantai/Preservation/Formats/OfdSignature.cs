namespace Lantai.Preservation.Formats;

/// <summary>One signature of an OFD (Signs/Sign_N/Signature.xml) and how its references checked against the package.</summary>
public sealed record OfdSignature
{
    public required string Path { get; init; }

    /// <summary>The digest algorithm of the references (CheckMethod), as named in the file.</summary>
    public required string CheckMethod { get; init; }

    public int ReferenceCount { get; init; }

    /// <summary>References whose digest matched the file.</summary>
    public int Verified { get; init; }

    /// <summary>What did not check (Chinese): a referenced file missing, a digest differing, an unknown algorithm.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The signature value file (SignedValue.dat), when present in the package.</summary>
    public string? SignedValuePath { get; init; }

    /// <summary>True or false when the signature value was verified (<see cref="SesSignatureVerifier"/>), null when it could not be.</summary>
    public bool? ValueValid { get; init; }

    /// <summary>What the verification of the signature value found (Chinese).</summary>
    public string ValueEvidence { get; init; } = "";

    /// <summary>The signature algorithm (SignatureMethod), e.g. 1.2.156.10197.1.501 (SM2 with SM3).</summary>
    public string? SignatureMethod { get; init; }
}
