using Lantai.Data;

namespace Lantai.Transfer;

/// <summary>
/// Where a transfer's files live (DESIGN.md §3): {DataDir}/staging/transfers/{id}/ while it is checked and decided —
/// package.zip as uploaded, content/ as staged — and {DataDir}/quarantine/{id}/ once rejected. Paths are built from
/// the transfer's id only, never from a name inside the package.
/// </summary>
public sealed class TransferFolders(DatabaseOptions options)
{
    private readonly string _dataDir = options?.DataDir ?? throw new ArgumentNullException(nameof(options));

    public string QuarantineRoot => Path.Combine(_dataDir, "quarantine");

    public static string StagingPathOf(Guid transferId) => Path.Combine("staging", "transfers", transferId.ToString("N"));

    public static string QuarantinePathOf(Guid transferId) => Path.Combine("quarantine", transferId.ToString("N"));

    /// <summary>
    /// The transfer's folder: where the transfer says (staging or quarantine), or still in staging when a move to
    /// quarantine was interrupted after the decision was committed.
    /// </summary>
    public string FolderOf(TransferPackage transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        var recorded = Path.Combine(_dataDir, transfer.StoragePath);
        var staging = Path.Combine(_dataDir, StagingPathOf(transfer.Id));
        return !Directory.Exists(recorded) && Directory.Exists(staging) ? staging : recorded;
    }

    /// <summary>The transfer's folder in quarantine (absolute), where a rejected package is moved.</summary>
    public string QuarantineOf(Guid transferId) => Path.Combine(_dataDir, QuarantinePathOf(transferId));

    /// <summary>Every place the transfer's files may be, for deleting them.</summary>
    public IReadOnlyList<string> CandidateFoldersOf(TransferPackage transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return [Path.Combine(_dataDir, StagingPathOf(transfer.Id)), Path.Combine(_dataDir, QuarantinePathOf(transfer.Id))];
    }

    /// <summary>Where an uploaded zip is kept until the transfer is decided.</summary>
    public string UploadPathOf(Guid transferId) => Path.Combine(_dataDir, StagingPathOf(transferId), "package.zip");

    /// <summary>The staged content files of the transfer (StagingKey is relative to this).</summary>
    public string ContentOf(TransferPackage transfer) => Path.Combine(FolderOf(transfer), "content");
}
