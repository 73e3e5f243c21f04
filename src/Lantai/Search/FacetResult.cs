namespace Lantai.Search;

/// <summary>The counts of one facet (fonds, category, year …) over all hits of a search, largest first.</summary>
public sealed record FacetResult(string Field, IReadOnlyList<FacetValue> Values);

/// <summary>One value of a facet: the stored code, its display label (Chinese) and the number of hits having it.</summary>
public sealed record FacetValue(string Value, string Label, long Count);
