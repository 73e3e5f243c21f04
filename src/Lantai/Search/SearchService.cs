using System.Diagnostics;
using System.Globalization;
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
/// pass under a time limit (<see cref="SearchPass"/>: slices of a large index on several threads), keeps the pass in
/// the index's <see cref="QueryResultCache"/> for the next identical search, and builds hits with snippets. Deep pages
/// go by cursor (searchAfter).
/// </summary>
public sealed class SearchService
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>How far page numbers reach; beyond it the next-page cursor is the way (it costs the same at any depth).</summary>
    public const int MaxPageWindow = 10_000;

    public const long DefaultFacetExactLimit = 100_000;

    public const long DefaultParallelMinPostings = 200_000;

    public const long DefaultWindowedMinPostings = 0;

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
        var tuning = SearchTuning.For(index);
        FacetExactLimit = tuning.FacetExactLimit;
        ParallelMinPostings = tuning.ParallelMinPostings;
        MaxSlices = tuning.MaxSlices;
        WindowedMinPostings = tuning.WindowedMinPostings;
    }

    /// <summary>A query still collecting after this long stops and returns what it found (<see cref="SearchResponse.TimedOut"/>).</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Facets are counted exactly over this many hits per slice of the index; beyond it over a fixed 1-in-16 sample of
    /// the documents, scaled up (<see cref="SearchResponse.FacetsApproximate"/>, shown as 约). Totals are always exact.
    /// </summary>
    public long FacetExactLimit { get; set; }

    /// <summary>Queries reading at least this many postings are searched in slices on several threads at once.</summary>
    public long ParallelMinPostings { get; set; }

    /// <summary>The most threads (slices) one search uses.</summary>
    public int MaxSlices { get; set; }

    /// <summary>Search-box queries reading at least this many postings are matched a window at a time (<see cref="WindowedConjunction"/>).</summary>
    public long WindowedMinPostings { get; set; }

    /// <summary>Whether results are kept in and served from the index's <see cref="QueryResultCache"/> (off to measure the cost of a search).</summary>
    public bool CacheResults { get; set; } = true;

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

        var numHits = offset + pageSize + 1; // one more than the page tells whether a next page exists
        var facetFields = request.IncludeFacets
            ? request.Audience == SearchAudience.Staff ? SearchFields.StaffFacets : SearchFields.PublicFacets
            : null;
        var searcher = _index.Searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var filter = AccessFilter.For(request, labels.Rules, reader);
            var query = filter is null ? built.Value.Query : new FilteredQuery(built.Value.Query, filter);
            var options = new PassOptions(order, numHits, after, facetFields, FacetExactLimit, TimeLimit)
            {
                ParallelMinPostings = ParallelMinPostings,
                MaxSlices = MaxSlices,
                WindowedMinPostings = WindowedMinPostings,
            };
            var cache = CacheResults ? QueryResultCache.For(_index) : null;
            var key = cache is null ? "" : CacheKey(request, query, options);
            if (cache is null || !cache.TryGet(reader, key, out var pass))
            {
                pass = await SearchPass.RunAsync(searcher, query, options, cancellationToken);
                cache?.Add(reader, key, pass);
            }

            var page = pass.Top.Skip(offset).Take(pageSize).ToList();
            var hasMore = pass.Top.Length > offset + pageSize;
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
                Total = pass.Total,
                Hits = hits,
                Facets = facetFields is null ? [] : Facets(pass.Facets, labels),
                FacetsApproximate = facetFields is not null && pass.FacetsApproximate,
                NextCursor = hasMore && page.Count > 0 ? SearchCursor.Encode(page[^1], request.Sort, fingerprint) : null,
                TimedOut = pass.TimedOut,
                Took = Stopwatch.GetElapsedTime(started),
            };
        }
        finally
        {
            _index.Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Everything that changes a pass's answer: the Lucene query as built (words, fields, codes resolved from the labels,
    /// the access and facet filters), the audience, the order, the window, the cursor and the facet settings.
    /// </summary>
    private static string CacheKey(SearchRequest request, Lucene.Net.Search.Query query, PassOptions options) => string.Join(
        '\u001f',
        request.Audience.ToString(),
        query.ToString(),
        request.Sort.ToString(),
        options.NumHits.ToString(CultureInfo.InvariantCulture),
        request.After ?? "",
        options.FacetFields is null ? "-" : string.Join(',', options.FacetFields),
        options.FacetExactLimit.ToString(CultureInfo.InvariantCulture));

    private static List<FacetResult> Facets(IReadOnlyList<(string Field, IReadOnlyDictionary<string, long> Counts)> facets, SearchLabels labels) =>
    [
        .. facets.Select(f => new FacetResult(
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
