using Lantai.Catalogue;
using Lantai.Transfer.Checks;

namespace Lantai.Preservation;

/// <summary>What goes into a record's AIP: the record, its files (in the store), its check lines and its history.</summary>
public sealed record AipContent
{
    public required Record Record { get; init; }

    public required IReadOnlyList<RecordFile> Files { get; init; }

    public required IReadOnlyList<CheckResult> Results { get; init; }

    public required IReadOnlyList<PreservationEvent> Events { get; init; }

    public string? TransferName { get; init; }

    public Guid? TransferId { get; init; }
}
