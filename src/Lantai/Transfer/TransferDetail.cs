using Lantai.Transfer.Checks;

namespace Lantai.Transfer;

/// <summary>Everything the transfer page shows: the transfer, its items and files, and its latest check report.</summary>
public sealed record TransferDetail
{
    public required TransferPackage Transfer { get; init; }

    public required IReadOnlyList<TransferItem> Items { get; init; }

    public required IReadOnlyList<TransferFile> Files { get; init; }

    public CheckRun? Run { get; init; }

    public IReadOnlyList<CheckResult> Results { get; init; } = [];
}
