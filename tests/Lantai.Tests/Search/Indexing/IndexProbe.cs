using Lantai.Catalogue;
using Lantai.Search;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Lantai.Tests.Search.Indexing;

/// <summary>
/// Looks into the index with plain Lucene queries (the search service is the query helper's; these tests check what
/// is indexed): the text is analysed by the index's analyzer and every token required, whatever the analyzer makes.
/// </summary>
internal static class IndexProbe
{
    public static List<RecordId> Find(SearchIndex index, string field, string text)
    {
        var parser = new QueryParser(SearchIndex.Version, field, index.Analyzer) { DefaultOperator = Operator.AND };
        var query = parser.Parse(QueryParserBase.Escape(text));
        using var lease = index.AcquireSearcher();
        var top = lease.Searcher.Search(query, 1000);
        return top.ScoreDocs.Select(d => RecordId.Parse(lease.Searcher.Doc(d.Doc).Get(SearchFields.Id, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>How many documents carry this record's id (1 when indexed once, 0 when missing, more when doubled).</summary>
    public static int Copies(SearchIndex index, RecordId id)
    {
        using var lease = index.AcquireSearcher();
        return lease.Searcher.Search(new TermQuery(new Term(SearchFields.Id, id.ToString())), 10).TotalHits;
    }

    public static int Documents(SearchIndex index)
    {
        using var lease = index.AcquireSearcher();
        return lease.Searcher.IndexReader.NumDocs;
    }
}
