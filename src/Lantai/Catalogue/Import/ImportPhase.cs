namespace Lantai.Catalogue.Import;

/// <summary>Where an import stands, for progress bars.</summary>
public enum ImportPhase
{
    Reading,
    Writing,
    Committing,
    Done,
}
