namespace Lantai.Catalogue.Import;

/// <summary>A slice of the file handed from the reading side to the writing side of an import.</summary>
internal sealed record ImportChunk(IReadOnlyList<Record> Records, IReadOnlyList<Fonds> NewFonds, IReadOnlyList<OrgUnit> NewOrgUnits, long RowsRead, long BytesRead);
