namespace Lantai.Catalogue.Import;

/// <summary>A fonds the import creates because the file names it and the archive does not have it yet.</summary>
public sealed record ImportNewFonds(string Code, string Name, int FirstRow);
