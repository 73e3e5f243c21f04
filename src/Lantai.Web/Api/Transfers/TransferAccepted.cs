namespace Lantai.Web.Api.Transfers;

/// <summary>The answer to an upload: the transfer and its check job (null when the package was refused at once).</summary>
public sealed record TransferAccepted(TransferView Transfer, JobView? Job);
