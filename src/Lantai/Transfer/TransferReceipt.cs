using Lantai.Jobs;

namespace Lantai.Transfer;

/// <summary>A received transfer and its queued check job (null when the caller runs the check itself).</summary>
public sealed record TransferReceipt(TransferPackage Transfer, Job? CheckJob)
{
    /// <summary>Where the check reads the package from (the moved upload, or the path given).</summary>
    public string SourcePath { get; init; } = "";
}
