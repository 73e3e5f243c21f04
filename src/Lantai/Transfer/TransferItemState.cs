namespace Lantai.Transfer;

/// <summary>The state of one catalogue row of a transfer.</summary>
public enum TransferItemState
{
    Pending = 0,

    /// <summary>Every blocking check item passed for it.</summary>
    Passed = 1,

    /// <summary>At least one blocking check item failed for it.</summary>
    Failed = 2,

    /// <summary>Chosen by the archivist; waiting to be stored.</summary>
    Accepted = 3,

    /// <summary>Stored: the record, its files and its AIP exist.</summary>
    Ingested = 4,

    Rejected = 5,
}
