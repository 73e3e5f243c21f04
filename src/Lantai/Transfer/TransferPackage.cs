namespace Lantai.Transfer;

/// <summary>
/// 移交: one package received from an agency, from receipt through the four-properties check to the archivist's
/// decision. The package's files stay in staging (or quarantine once rejected) until the decision is carried out.
/// </summary>
public sealed class TransferPackage
{
    public Guid Id { get; set; } = Common.Ids.New();

    /// <summary>The package's name as received (zip or folder name).</summary>
    public required string Name { get; set; }

    public PackageKind Kind { get; set; }

    public TransferState State { get; set; } = TransferState.Received;

    /// <summary>移交单位, as declared by the package (bag-info Source-Organization) or typed at upload.</summary>
    public string? TransferringUnit { get; set; }

    /// <summary>Hex SM3 of the package as received (the zip file), for 'package received equals package sent' (GD-1-14).</summary>
    public string? PackageSm3 { get; set; }

    public int FileCount { get; set; }

    public long TotalBytes { get; set; }

    public int ItemCount { get; set; }

    /// <summary>Folder of the package's files, relative to the data directory (staging/… or quarantine/…).</summary>
    public required string StoragePath { get; set; }

    public required string ReceivedBy { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why the package (or part of it) was rejected, or why it could not be opened (Chinese).</summary>
    public string? Reason { get; set; }

    public int Version { get; set; }
}
