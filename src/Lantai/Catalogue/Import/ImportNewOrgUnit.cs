namespace Lantai.Catalogue.Import;

/// <summary>An org unit (机构(问题)) the import creates in a fonds because the file uses its code for the first time.</summary>
public sealed record ImportNewOrgUnit(string FondsCode, string Code, int FirstRow);
