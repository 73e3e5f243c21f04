namespace Lantai.Transfer.Checks;

/// <summary>One file under check.</summary>
public sealed record CheckSubjectFile
{
    /// <summary>The path as received, for the report.</summary>
    public required string Path { get; init; }

    /// <summary>NFC path, for comparing with the catalogue's 文件 column and manifests.</summary>
    public required string PathKey { get; init; }

    /// <summary>Where the bytes are on disk now.</summary>
    public required string FullPath { get; init; }

    public long Length { get; init; }

    /// <summary>The item whose 文件 column names the file; null for a stray file.</summary>
    public Guid? ItemId { get; init; }

    /// <summary>Digests the package declared for the file: algorithm ("md5", "sha256", "sm3") → lower-case hex.</summary>
    public IReadOnlyDictionary<string, string> DeclaredDigests { get; init; } = new Dictionary<string, string>();
}
