namespace Lantai.Preservation;

/// <summary>
/// One content file of an AIP: where its bytes are (the store object), its name as received and what is known of it.
/// The digests are the ones computed when the object was stored; the AIP's manifests repeat them.
/// </summary>
public sealed record AipFile
{
    public required int Sequence { get; init; }

    /// <summary>The file's path in the transfer package exactly as received (RecordFile.OriginalName).</summary>
    public required string OriginalName { get; init; }

    /// <summary>The bytes: the store object's path.</summary>
    public required string SourcePath { get; init; }

    public required string Sm3 { get; init; }

    public required string Sha256 { get; init; }

    public required long Length { get; init; }

    public required string FormatId { get; init; }

    public required string MediaType { get; init; }
}
