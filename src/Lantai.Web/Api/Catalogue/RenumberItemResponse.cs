namespace Lantai.Web.Api.Catalogue;

/// <summary>One item of a renumbering; <see cref="Title"/> is null when classified above the caller's clearance.</summary>
public sealed record RenumberItemResponse(Guid RecordId, string? Title, int OldItemNumber, int NewItemNumber, string OldArchivalCode, string NewArchivalCode, bool LegacyCode, bool Changed);
