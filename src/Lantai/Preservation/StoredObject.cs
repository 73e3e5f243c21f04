namespace Lantai.Preservation;

/// <summary>
/// One file in the preservation store, stored once however many records hold it and named by its SM3 digest
/// (GB/T 32905). A row exists only after the file is durable under its final name, so an object counted here is stored.
/// </summary>
public sealed class StoredObject
{
    /// <summary>Lower-case hex SM3 of the content; also the object's name in the store.</summary>
    public required string Sm3 { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content, the second digest (both are checked by the fixity audit).</summary>
    public required string Sha256 { get; set; }

    public long Length { get; set; }

    public DateTimeOffset StoredAt { get; set; }

    /// <summary>When the fixity audit last recomputed both digests.</summary>
    public DateTimeOffset? LastCheckedAt { get; set; }

    public FixityOutcome? LastOutcome { get; set; }
}
