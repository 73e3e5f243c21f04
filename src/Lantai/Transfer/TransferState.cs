namespace Lantai.Transfer;

/// <summary>Where a transfer is in its life (移交 → 四性检测 → 接收/退回).</summary>
public enum TransferState
{
    /// <summary>Staged, waiting for its check.</summary>
    Received = 0,

    Checking = 1,

    /// <summary>Checked; waiting for the archivist's decision.</summary>
    Checked = 2,

    /// <summary>The package could not be opened safely (hostile or broken); nothing of it was kept but the report.</summary>
    Refused = 3,

    /// <summary>Accepted; the accepted records are being stored.</summary>
    Ingesting = 4,

    /// <summary>Accepted records stored (all, or the selected ones; the rest are rejected items).</summary>
    Accepted = 5,

    /// <summary>Rejected with a reason; the files wait in quarantine until an administrator deletes them.</summary>
    Rejected = 6,

    /// <summary>Rejected and its quarantined files deleted; the transfer row and its report are kept.</summary>
    Deleted = 7,
}
