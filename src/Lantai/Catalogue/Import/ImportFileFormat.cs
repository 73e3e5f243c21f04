namespace Lantai.Catalogue.Import;

/// <summary>The kinds of file a catalogue import reads.</summary>
public enum ImportFileFormat
{
    Csv,
    Xlsx,
}
