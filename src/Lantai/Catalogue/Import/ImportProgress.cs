namespace Lantai.Catalogue.Import;

/// <summary>Progress of an import: rows read and checked, rows written, bytes of the file consumed (for a percentage).</summary>
public sealed record ImportProgress(ImportPhase Phase, long RowsRead, long RowsWritten, long ErrorCount, long BytesRead, long? TotalBytes);
