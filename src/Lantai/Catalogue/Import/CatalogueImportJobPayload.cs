namespace Lantai.Catalogue.Import;

/// <summary>What a web import job imports: a staged upload and whether unknown fonds and org units are refused.</summary>
public sealed record CatalogueImportJobPayload(string StagingId, bool Strict);
