using Lantai.Catalogue;

namespace Lantai.Transfer;

/// <summary>
/// One catalogue row of a transfer: the record it will become (built and checked against the catalogue at check time,
/// stored as JSON) and its state. The record id is fixed here, so an ingest that is interrupted and resumed writes the
/// same record and the same AIP again instead of a second one.
/// </summary>
public sealed class TransferItem
{
    public Guid Id { get; set; } = Common.Ids.New();

    public Guid TransferId { get; set; }

    /// <summary>The row in the package's catalogue file (1-based, counting the header as row 1, as a spreadsheet shows it).</summary>
    public int RowNumber { get; set; }

    public RecordId RecordId { get; set; } = RecordId.New();

    public required string ArchivalCode { get; set; }

    public required string Title { get; set; }

    /// <summary>The record to create, as JSON of <see cref="Record"/> (without the id).</summary>
    public required string RecordJson { get; set; }

    public TransferItemState State { get; set; } = TransferItemState.Pending;

    /// <summary>Why the item failed its check or was rejected (Chinese).</summary>
    public string? Reason { get; set; }
}
