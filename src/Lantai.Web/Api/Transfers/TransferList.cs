namespace Lantai.Web.Api.Transfers;

/// <summary>A page of transfers, newest first, and how many there are.</summary>
public sealed record TransferList(int Total, IReadOnlyList<TransferView> Items);
