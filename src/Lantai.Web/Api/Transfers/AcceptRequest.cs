namespace Lantai.Web.Api.Transfers;

/// <summary>Which items to accept; none given: every item that passed.</summary>
public sealed record AcceptRequest(IReadOnlyList<Guid>? ItemIds);
