using Lantai.Jobs;

namespace Lantai.Transfer;

/// <summary>A received transfer and the check job queued for it (null when the package was refused at opening).</summary>
public sealed record TransferReceipt(TransferPackage Transfer, Job? CheckJob);
