namespace Lantai.Web.Api.Catalogue;

/// <summary>One code of a list; <see cref="Rank"/> orders it (for classifications: the clearance needed), <see cref="Years"/> for retention.</summary>
public sealed record CodeEntryResponse(string Code, string Name, int Rank, int? Years);
