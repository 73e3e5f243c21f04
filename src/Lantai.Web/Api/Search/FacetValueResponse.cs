namespace Lantai.Web.Api.Search;

/// <summary>One value of a facet: the code to filter on, its label and the number of hits having it.</summary>
public sealed record FacetValueResponse(string Value, string Label, long Count);
