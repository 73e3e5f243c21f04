namespace Lantai.Transfer.Packages;

/// <summary>
/// Limits checked before anything is extracted (OWASP ASVS 5.0 V5.2): a package over any of them is refused from its
/// central directory alone. Configurable (Lantai:Transfer:Limits) for archives that receive very large transfers.
/// </summary>
public sealed record PackageLimits
{
    public static PackageLimits Default { get; } = new();

    public int MaxEntries { get; init; } = 200_000;

    public long MaxTotalBytes { get; init; } = 1L << 40;

    public long MaxFileBytes { get; init; } = 256L << 30;

    /// <summary>Largest uncompressed/compressed ratio of one zip entry (and of the whole zip) that is believed.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    public int MaxPathLength { get; init; } = 1024;

    public int MaxPathDepth { get; init; } = 32;
}
