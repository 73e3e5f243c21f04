namespace Lantai.Search.Query;

/// <summary>
/// The one seam between the query side and the analysis chain: query terms with positions (for term and phrase
/// queries) and index tokens with offsets (for snippets), from LantaiAnalyzer.QueryTokens/Tokens (integration edit
/// made on the bench branch, as this comment prescribed for the merge).
/// </summary>
internal static class QueryTokenizer
{
    /// <summary>The terms a query text is looked up by: bigrams for CJK runs, a unigram for a lone CJK character, words and numbers.</summary>
    public static IReadOnlyList<TextToken> QueryTokens(string text) =>
        [.. Analysis.LantaiAnalyzer.QueryTokens(text).Select(t => new TextToken(t.Term, t.Position))];

    /// <summary>The tokens the index holds for a stored text, with offsets into that text.</summary>
    public static IReadOnlyList<SpanToken> Tokens(string text) =>
        [.. Analysis.LantaiAnalyzer.Tokens(text).Select(t => new SpanToken(t.Term, t.Position, t.StartOffset, t.EndOffset))];
}

/// <summary>A query term and its position (relative positions make the phrase).</summary>
internal sealed record TextToken(string Term, int Position);

/// <summary>An index token with its offsets into the stored text.</summary>
internal sealed record SpanToken(string Term, int Position, int StartOffset, int EndOffset);
