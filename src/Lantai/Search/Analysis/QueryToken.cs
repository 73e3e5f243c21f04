namespace Lantai.Search.Analysis;

/// <summary>A term of a query phrase and its position relative to the phrase's first term (see <see cref="LantaiAnalyzer.QueryTokens"/>).</summary>
public readonly record struct QueryToken(string Term, int Position);
