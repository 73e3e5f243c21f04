namespace Lantai.Search.Analysis;

/// <summary>The kinds of index tokens; <see cref="LantaiTokenizer"/> reports them as Lucene token types.</summary>
internal enum TokenKind
{
    Unigram,
    Bigram,
    Word,
    Number,
    Mongolian,
}
