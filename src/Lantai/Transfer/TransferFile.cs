namespace Lantai.Transfer;

/// <summary>
/// One content file of a transfer: its path exactly as the package names it, the safe name it is staged under, what the
/// check learned of it (digests, format) and the item it belongs to (none for a stray file).
/// </summary>
public sealed class TransferFile
{
    public Guid Id { get; set; } = Common.Ids.New();

    public Guid TransferId { get; set; }

    public Guid? ItemId { get; set; }

    /// <summary>1-based order inside the item, as the catalogue's 文件 column lists them.</summary>
    public int Sequence { get; set; }

    /// <summary>Path inside the package exactly as received (zip names decoded from GB18030 or UTF-8).</summary>
    public required string OriginalPath { get; set; }

    /// <summary>The path NFC-normalised, for comparing names (the catalogue's 文件 column, BagIt manifests).</summary>
    public required string PathKey { get; set; }

    /// <summary>Safe name of the staged copy, relative to the transfer's folder (never derived from the original name).</summary>
    public required string StagingKey { get; set; }

    public long Length { get; set; }

    public string? Sm3 { get; set; }

    public string? Sha256 { get; set; }

    public string? FormatId { get; set; }

    public string? MediaType { get; set; }
}
