namespace Lantai.Preservation;

/// <summary>A content file as the AIP holds it: the record's file, its path in the bag and its SHA-256.</summary>
internal sealed record AipEntry(RecordFile File, string PayloadPath, string Sha256);
