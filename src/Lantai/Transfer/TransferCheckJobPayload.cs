namespace Lantai.Transfer;

/// <summary>Input of the <c>transfer.check</c> job: the transfer and where its package is read from.</summary>
public sealed record TransferCheckJobPayload(Guid TransferId, string SourcePath);
