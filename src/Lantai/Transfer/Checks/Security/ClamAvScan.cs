namespace Lantai.Transfer.Checks.Security;

/// <summary>The result of a ClamAV scan: whether it ran (else why not), with which scanner, and the infected files (path → signature).</summary>
public sealed record ClamAvScan(bool Scanned, string? Reason, string? Scanner, IReadOnlyDictionary<string, string> Infected)
{
    public static ClamAvScan NotScanned(string reason) => new(false, reason, null, new Dictionary<string, string>());
}
