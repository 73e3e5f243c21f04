using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Lantai.Common;
using Lantai.Data;
using Lantai.Search.Query;
using Lucene.Net.Search;

namespace Lantai.Search;

/// <summary>
/// Runs a search for an audience: parses the query (<see cref="SearchQueryParser"/>), puts the access and facet filters
/// inside the Lucene query (<see cref="AccessFilter"/>), collects the page, the exact total and the facet counts in one
/// pass under a time limit, and builds hits with snippets. Deep pages go by cursor (searchAfter).
/// </summary>
public sealed class SearchService
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>How far page numbers reach; beyond it the next-page cursor is the way (it costs the same at any depth).</summary>
    public const int MaxPageWindow = 10_000;

    private const int MaxFacetValues = 50;

    private readonly SearchIndex _index;
    private readonly LantaiDbContext? _db;
    private SearchLabels? _labels;

    /// <summary>Without a database: code lists from the seed data, fonds and org units shown by code.</summary>
    public SearchService(SearchIndex index)
        : this(index, null)
    {
    }

    public SearchService(SearchIndex index, LantaiDbContext? db)
    {
        _index = index;
        _db = db;
    }

    /// <summary>A query still collecting after this long stops and returns what it found (<see cref="SearchResponse.TimedOut"/>).</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(1);

    public async Task<Result<SearchResponse>> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var labels = _labels ??= _db is null ? SearchLabels.Default : await SearchLabels.LoadAsync(_db, cancellationToken);

        var built = LuceneQueryBuilder.Build(request.Query, request.Audience, labels);
        if (!built.Succeeded)
        {
            return Result<SearchResponse>.Fail(built.Errors);
        }

        var pageSize = request.PageSize <= 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var order = SearchOrder.For(request.Sort);
        var fingerprint = Fingerprint(request);
        ScoreDoc? after = null;
        var offset = 0;
        if (!string.IsNullOrEmpty(request.After))
        {
            var decoded = SearchCursor.Decode(request.After, request.Sort, fingerprint, order.CursorShape);
            if (!decoded.Succeeded)
            {
                return Result<SearchResponse>.Fail(decoded.Errors);
            }

            after = decoded.Value;
        }
        else
        {
            offset = (Math.Max(request.Page, 1) - 1) * pageSize;
            if (offset + pageSize > MaxPageWindow)
            {
                return Error.Validation("page", $"页码过深：按页码最多查看前 {MaxPageWindow} 条，请用“下一页”继续翻页。");
            }
        }

        var query = new FilteredQuery(built.Value.Query, AccessFilter.For(request, labels.Rules));
        var numHits = offset + pageSize + 1; // one more than the page tells whether a next page exists
        ITopDocsCollector top = order.Sort is null
            ? TopScoreDocCollector.Create(numHits, after, docsScoredInOrder: false)
            : TopFieldCollector.Create(order.Sort, numHits, (FieldDoc?)after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var facets = request.IncludeFacets
            ? new FacetCollector(request.Audience == SearchAudience.Staff ? SearchFields.StaffFacets : SearchFields.PublicFacets)
            : null;
        var collector = new GuardedCollector(facets is null ? top : MultiCollector.Wrap(top, facets), TimeLimit, cancellationToken);

        var searcher = _index.Searchers.Acquire();
        try
        {
            var timedOut = false;
            try
            {
                searcher.Search(query, collector);
            }
            catch (SearchTimeLimitExceededException)
            {
                timedOut = true;
            }

            var docs = top.GetTopDocs();
            var page = docs.ScoreDocs.Skip(offset).Take(pageSize).ToList();
            var hasMore = docs.ScoreDocs.Length > offset + pageSize;
            var toLoad = HitReader.FieldsToLoad(request.IncludeSnippets);
            var highlight = request.IncludeSnippets ? built.Value.HighlightTerms : null;
            var hits = new List<SearchHit>(page.Count);
            foreach (var scoreDoc in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hits.Add(HitReader.Read(searcher.Doc(scoreDoc.Doc, toLoad), scoreDoc.Score, request.Audience, highlight));
            }

            return new SearchResponse
            {
                Total = docs.TotalHits,
                Hits = hits,
                Facets = facets is null ? [] : Facets(facets, labels),
                NextCursor = hasMore && page.Count > 0 ? SearchCursor.Encode(page[^1], request.Sort, fingerprint) : null,
                TimedOut = timedOut,
                Took = Stopwatch.GetElapsedTime(started),
            };
        }
        finally
        {
            _index.Searchers.Release(searcher);
        }
    }

    private static List<FacetResult> Facets(FacetCollector facets, SearchLabels labels) =>
    [
        .. facets.Results().Select(f => new FacetResult(
            f.Field,
            [.. f.Counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxFacetValues)
                .Select(c => new FacetValue(c.Key, labels.Label(f.Field, c.Key), c.Value))])),
    ];

    /// <summary>What a cursor is bound to: the same query, audience, clearance, filters and order (not the page size).</summary>
    private static long Fingerprint(SearchRequest r)
    {
        var text = string.Join(
            '\u001f',
            r.Query, r.Audience, r.Clearance, r.FondsCode, r.CategoryCode, r.YearFrom, r.YearTo, r.RetentionCode, r.OrgUnitCode, r.OpenStatus, r.Carrier, r.Classification, r.Sort);
        return BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);
    }
}
