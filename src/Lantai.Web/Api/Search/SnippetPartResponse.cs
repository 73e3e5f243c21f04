namespace Lantai.Web.Api.Search;

/// <summary>A piece of a snippet: text as stored, and whether it matched the query.</summary>
public sealed record SnippetPartResponse(string Text, bool Match);
