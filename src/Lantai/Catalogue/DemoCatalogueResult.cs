namespace Lantai.Catalogue;

/// <summary>What the demo load created.</summary>
public sealed record DemoCatalogueResult(int Fonds, int OrgUnits, int Volumes, int Records, int FirstYear, int LastYear, Guid ImportId);
