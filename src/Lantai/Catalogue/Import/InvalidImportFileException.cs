namespace Lantai.Catalogue.Import;

/// <summary>
/// Thrown by the table readers when the file itself cannot be read (not an xlsx, not decodable); the importer turns it
/// into a file-level error of the preview, so it never reaches the caller.
/// </summary>
internal sealed class InvalidImportFileException(string message, Exception? inner = null) : Exception(message, inner);
