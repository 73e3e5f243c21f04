namespace Lantai.Catalogue.Import;

/// <summary>A row of the file as it would be stored: normalised, with its item number and archival code filled in.</summary>
public sealed record ImportPreviewRow(int Row, RecordDraft Record, bool HasErrors);
