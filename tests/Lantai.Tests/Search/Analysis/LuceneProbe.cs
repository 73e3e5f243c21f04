using Lantai.Search.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Lantai.Tests.Search.Analysis;

/// <summary>A real Lucene index in RAM with one document per text, analysed with <see cref="LantaiAnalyzer"/>, queried the way the query helper does: one phrase of <see cref="LantaiAnalyzer.QueryTokens"/>.</summary>
internal sealed class LuceneProbe : IDisposable
{
    private const string TitleField = "title";
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public LuceneProbe(params string[] texts)
    {
        using (var analyzer = new LantaiAnalyzer())
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
        {
            for (var i = 0; i < texts.Length; i++)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField(TitleField, texts[i], Field.Store.YES),
                });
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
    }

    /// <summary>The indexes (in the constructor's order) of the texts the query finds.</summary>
    public IReadOnlyList<int> Find(string query)
    {
        var tokens = LantaiAnalyzer.QueryTokens(query);
        Assert.NotEmpty(tokens);
        Lucene.Net.Search.Query luceneQuery;
        if (tokens.Count == 1)
        {
            luceneQuery = new TermQuery(new Term(TitleField, tokens[0].Term));
        }
        else
        {
            var phrase = new PhraseQuery();
            foreach (var token in tokens)
            {
                phrase.Add(new Term(TitleField, token.Term), token.Position);
            }
            luceneQuery = phrase;
        }
        var searcher = new IndexSearcher(_reader);
        return [.. searcher.Search(luceneQuery, 100).ScoreDocs
            .Select(hit => int.Parse(searcher.Doc(hit.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture))
            .Order()];
    }

    /// <summary>Whether a document holding <paramref name="stored"/> is found by <paramref name="query"/>.</summary>
    public static bool Matches(string stored, string query)
    {
        using var probe = new LuceneProbe(stored);
        return probe.Find(query).Contains(0);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
