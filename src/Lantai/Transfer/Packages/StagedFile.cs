namespace Lantai.Transfer.Packages;

/// <summary>One file of a staged package.</summary>
public sealed record StagedFile
{
    /// <summary>Path inside the package exactly as received ('/' separated; zip names decoded from UTF-8 or GB18030).</summary>
    public required string OriginalPath { get; init; }

    /// <summary>The path NFC-normalised, for comparisons.</summary>
    public required string PathKey { get; init; }

    /// <summary>Safe name relative to the staging folder (e.g. "files/000017"); never derived from the original name.</summary>
    public required string StagingKey { get; init; }

    public required long Length { get; init; }

    /// <summary>Digests the package declared (BagIt manifests): "md5", "sha1", "sha256", "sha512", "sm3" → lower-case hex.</summary>
    public IReadOnlyDictionary<string, string> DeclaredDigests { get; init; } = new Dictionary<string, string>();
}
