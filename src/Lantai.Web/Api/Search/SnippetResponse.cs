using Lantai.Search;

namespace Lantai.Web.Api.Search;

/// <summary>
/// A highlighted stretch of one field: the parts as stored text with a match flag, so clients mark matches themselves
/// (never HTML to insert), and <see cref="Text"/> with the matches in 【】 for a quick look.
/// </summary>
public sealed record SnippetResponse(string Field, string Text, IReadOnlyList<SnippetPartResponse> Parts)
{
    public static SnippetResponse Of(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        return new(snippet.Field, snippet.ToString(), [.. snippet.Parts.Select(p => new SnippetPartResponse(p.Text, p.IsMatch))]);
    }
}
