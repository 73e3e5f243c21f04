using Lantai.Catalogue;

namespace Lantai.Search;

/// <summary>What one search document is made of: the record, its org unit's name and the text of its files.</summary>
public sealed record SearchSource(Record Record, string? OrgUnitName, string? Content);
