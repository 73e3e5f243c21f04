namespace Lantai.Search;

/// <summary>
/// A stretch of one field's stored text around the matches, as parts so pages and API clients mark matches without
/// ever inserting text as HTML.
/// </summary>
public sealed record Snippet(string Field, IReadOnlyList<SnippetPart> Parts)
{
    public override string ToString() => string.Concat(Parts.Select(p => p.IsMatch ? $"【{p.Text}】" : p.Text));
}

/// <summary>A piece of a snippet: text as stored, and whether it matched the query.</summary>
public sealed record SnippetPart(string Text, bool IsMatch);
