namespace Lantai.Transfer.Packages;

/// <summary>
/// Limits checked before anything is extracted (OWASP ASVS 5.0 V5.2): a package over any of them is refused from its
/// central directory (or its folder listing) alone. Configurable (Lantai:Transfer:Limits) for archives that receive very
/// large transfers.
/// </summary>
public sealed record PackageLimits
{
    public static PackageLimits Default { get; } = new();

    public int MaxEntries { get; init; } = 200_000;

    public long MaxTotalBytes { get; init; } = 1L << 40;

    public long MaxFileBytes { get; init; } = 256L << 30;

    /// <summary>
    /// Largest uncompressed/compressed ratio believed of one zip entry, and of the whole zip (declared bytes / zip size).
    /// Deflate cannot go beyond about 1030:1, so a higher ratio is a lie or overlapping data; 200 leaves room for
    /// uncompressed scans of white pages and sparse data, which reach a few hundred.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>
    /// The ratio is judged only for an entry (or a whole zip) that unpacks to more than this: a legitimate white
    /// uncompressed TIFF of an A4 page (25 MB at 300 dpi colour) deflates to ~1:1000 and must pass, while a bomb is
    /// only harmful when it is large. Below this, the total-size limit and the free space still apply.
    /// </summary>
    public long RatioCheckMinBytes { get; init; } = 100L << 20;

    public int MaxPathLength { get; init; } = 1024;

    public int MaxPathDepth { get; init; } = 32;

    /// <summary>Largest BagIt tag file (manifests, bag-info) read into memory.</summary>
    public long MaxTagFileBytes { get; init; } = 256L << 20;
}
