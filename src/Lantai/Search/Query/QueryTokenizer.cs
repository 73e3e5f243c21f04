using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Lantai.Search.Query;

/// <summary>
/// The one seam between the query side and the analysis chain: query terms with positions (for term and phrase
/// queries) and index tokens with offsets (for snippets). STAND-IN until LantaiAnalyzer.QueryTokens/Tokens land: it
/// mirrors the placeholder analyzer (standard tokenizer, width folding, lower case, CJK bigrams). At the merge only
/// this file changes: QueryTokens → LantaiAnalyzer.QueryTokens, Tokens → LantaiAnalyzer.Tokens, mapped to these records.
/// </summary>
internal static class QueryTokenizer
{
    private static readonly Analyzer QueryAnalyzer = new StandInAnalyzer(outputUnigrams: false);
    private static readonly Analyzer IndexAnalyzer = new StandInAnalyzer(outputUnigrams: true);

    /// <summary>The terms a query text is looked up by: bigrams for CJK runs, a unigram for a lone CJK character, words and numbers.</summary>
    public static IReadOnlyList<TextToken> QueryTokens(string text) =>
        [.. Run(QueryAnalyzer, text).Select(t => new TextToken(t.Term, t.Position))];

    /// <summary>The tokens the index holds for a stored text, with offsets into that text.</summary>
    public static IReadOnlyList<SpanToken> Tokens(string text) => Run(IndexAnalyzer, text);

    private static List<SpanToken> Run(Analyzer analyzer, string text)
    {
        var tokens = new List<SpanToken>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new SpanToken(term.ToString(), Math.Max(position, 0), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    private sealed class StandInAnalyzer(bool outputUnigrams) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream result = new CJKWidthFilter(source);
            result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
            result = new CJKBigramFilter(result, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams);
            return new TokenStreamComponents(source, result);
        }
    }
}

/// <summary>A query term and its position (relative positions make the phrase).</summary>
internal sealed record TextToken(string Term, int Position);

/// <summary>An index token with its offsets into the stored text.</summary>
internal sealed record SpanToken(string Term, int Position, int StartOffset, int EndOffset);
