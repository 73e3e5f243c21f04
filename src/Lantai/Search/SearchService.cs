using System.Diagnostics;
using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Lantai.Search;

/// <summary>
/// Runs a search for an audience. PLACEHOLDER: title terms only, no access filter, facets or snippets; the real
/// query parser, access filter, facets, sorting, cursor paging, snippets and time limit replace it.
/// </summary>
public sealed class SearchService(SearchIndex index)
{
    public Task<Result<SearchResponse>> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var query = new BooleanQuery();
        foreach (var word in request.Query.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query.Add(new TermQuery(new Term(SearchFields.Title, word)), Occur.MUST);
        }

        var searcher = index.Searchers.Acquire();
        try
        {
            var top = searcher.Search(query, request.PageSize);
            var hits = top.ScoreDocs.Select(sd =>
            {
                var doc = searcher.Doc(sd.Doc);
                return new SearchHit
                {
                    Id = RecordId.Parse(doc.Get(SearchFields.Id, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                    ArchivalCode = doc.Get(SearchFields.ArchivalCode, CultureInfo.InvariantCulture),
                    Title = doc.Get(SearchFields.Title, CultureInfo.InvariantCulture),
                    FondsCode = doc.Get(SearchFields.FondsCode, CultureInfo.InvariantCulture),
                    CategoryCode = doc.Get(SearchFields.CategoryCode, CultureInfo.InvariantCulture),
                    RetentionCode = doc.Get(SearchFields.RetentionCode, CultureInfo.InvariantCulture),
                    Score = sd.Score,
                };
            }).ToList();
            return Task.FromResult(Result<SearchResponse>.Ok(new SearchResponse { Total = top.TotalHits, Hits = hits, Took = Stopwatch.GetElapsedTime(started) }));
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }
}
