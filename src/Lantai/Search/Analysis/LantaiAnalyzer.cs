using Lucene.Net.Analysis;

namespace Lantai.Search.Analysis;

/// <summary>
/// The analyzer of every text field, at index and at query time: <see cref="LantaiTokenizer"/> alone (folding and
/// segmentation in one pass). Reusable with Lucene's default reuse strategy (one tokenizer per thread).
/// </summary>
/// <remarks>
/// Index tokens of "〔2021〕12号文件": 2021@0, 12@1, 号@2, 号文@2, 文@3, 文件@3, 件@4. A query is a phrase of
/// <see cref="QueryTokens"/>: "12号" → 12@0 号@1; "号文件" → 号文@0 文件@1; "文" → 文 (unigram, a term query).
/// <para>Decisions: white space of any kind (also U+3000 and line breaks, as PDF text wraps mid-word) between two CJK
/// characters does not end the run. Latin letters and digits are separate runs (Z109 → z, 109), so a code is found as
/// a phrase of its parts. Traditional Mongolian: a suffix is its own token whether it follows the stem after U+202F
/// (as written properly), an ordinary space or a hyphen, so the stem alone finds every inflected form and "stem suffix"
/// is a phrase; a suffix joined to the stem with nothing between is another word (not split: that needs a
/// morphological analyser). FVS1–4, U+180E and ZWJ/ZWNJ are dropped inside words, and ᠣ/ᠤ, ᠥ/ᠦ fold together, so
/// words that look the same give the same token.</para>
/// </remarks>
public sealed class LantaiAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new LantaiTokenizer(reader));

    /// <summary>
    /// Every index token of <paramref name="text"/> with offsets into <paramref name="text"/> itself, in index order
    /// (a CJK character's unigram, then its bigram at the same position).
    /// </summary>
    public static IReadOnlyList<AnalyzedToken> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<AnalyzedToken>();
        var scanner = new TokenScanner();
        scanner.Reset(text.ToCharArray(), text.Length);
        var position = -1;
        while (scanner.Next())
        {
            position += scanner.PositionIncrement;
            tokens.Add(new AnalyzedToken(new string(scanner.Term, 0, scanner.TermLength), position, scanner.StartOffset, scanner.EndOffset));
        }
        return tokens;
    }

    /// <summary>
    /// The terms of one phrase query for <paramref name="text"/> (a term query when there is one): bigrams for a CJK run
    /// of two characters or more, the unigram for a CJK run of one, words and numbers as they are; positions as in the
    /// index (one per character or word), starting at 0. Empty when the text has nothing searchable.
    /// </summary>
    public static IReadOnlyList<QueryToken> QueryTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<QueryToken>();
        var scanner = new TokenScanner();
        scanner.Reset(text.ToCharArray(), text.Length);
        var position = -1;
        var lastBigramPosition = -2;
        string? unigram = null; // a unigram is kept only if its run has no bigram at its position or the one before
        var unigramPosition = 0;
        while (scanner.Next())
        {
            position += scanner.PositionIncrement;
            if (unigram is not null && position != unigramPosition)
            {
                tokens.Add(new QueryToken(unigram, unigramPosition));
                unigram = null;
            }
            var term = new string(scanner.Term, 0, scanner.TermLength);
            switch (scanner.Kind)
            {
                case TokenKind.Bigram:
                    tokens.Add(new QueryToken(term, position));
                    lastBigramPosition = position;
                    unigram = null;
                    break;
                case TokenKind.Unigram when lastBigramPosition != position - 1:
                    unigram = term;
                    unigramPosition = position;
                    break;
                case TokenKind.Unigram:
                    break;
                default:
                    tokens.Add(new QueryToken(term, position));
                    break;
            }
        }
        if (unigram is not null)
        {
            tokens.Add(new QueryToken(unigram, unigramPosition));
        }
        return tokens;
    }
}
