namespace Lantai.Search.Query;

/// <summary>The Lucene query of a search, and the terms to mark in snippets, by text field.</summary>
internal sealed record BuiltQuery(Lucene.Net.Search.Query Query, IReadOnlyDictionary<string, HashSet<string>> HighlightTerms);
