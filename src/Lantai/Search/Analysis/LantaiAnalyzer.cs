using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Lantai.Search.Analysis;

/// <summary>
/// The analyzer of every text field, at index and at query time. PLACEHOLDER: standard tokenizer with CJK bigrams and
/// unigrams; the real chain (folding, scripts, Mongolian) replaces it.
/// </summary>
public sealed class LantaiAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream result = new CJKWidthFilter(source);
        result = new LowerCaseFilter(LuceneVersion.LUCENE_48, result);
        result = new CJKBigramFilter(result, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
        return new TokenStreamComponents(source, result);
    }
}
