namespace Lantai.Transfer;

/// <summary>Input of the <c>transfer.ingest</c> job.</summary>
public sealed record TransferIngestJobPayload(Guid TransferId);
