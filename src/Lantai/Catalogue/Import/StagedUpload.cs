namespace Lantai.Catalogue.Import;

/// <summary>An uploaded catalogue kept in the data directory between the preview and the commit request.</summary>
public sealed record StagedUpload(string Id, string FileName, long Length, string Path)
{
    public ImportSource Source => ImportSource.FromFile(Path, FileName);
}
