namespace Lantai.Transfer.Checks;

/// <summary>What a package says of itself, to compare with what arrived (DA/T 70 GD-2-1, GD-2-2, GD-1-14).</summary>
public sealed record PackageDeclaration
{
    public int? FileCount { get; init; }

    public long? TotalBytes { get; init; }

    public int? ItemCount { get; init; }

    /// <summary>SM3 of the package as the sender computed it, if given.</summary>
    public string? PackageSm3 { get; init; }

    /// <summary>Where the declaration came from, for the report (e.g. "bag-info.txt Payload-Oxum").</summary>
    public required string Source { get; init; }
}
