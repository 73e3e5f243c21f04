using System.Collections.Concurrent;
using Lantai.Catalogue;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Lantai.Search.Query;

/// <summary>
/// Who may see which records, as a filter inside the index query (never post-filtering a page), so totals, pages and
/// facet counts all respect it. Public (citizens, patrons): open status Open or PartlyOpen — a partly open record's
/// catalogue entry is public, its closed parts are not — and unclassified only; Unreviewed and Controlled never.
/// Staff: every open status, the classifications their clearance allows. The filters are cached per segment as bit
/// sets, so FilteredQuery checks a bit per candidate (random access) instead of leapfrogging a second iterator; and a
/// staff member whose clearance covers every classification in the index gets no filter at all (it would let
/// everything through at a cost per hit).
/// </summary>
internal static class AccessFilter
{
    private static readonly ConcurrentDictionary<string, Filter> StaffFilters = new(StringComparer.Ordinal);

    /// <summary>The records the public may see.</summary>
    public static Filter Public { get; } = new BitSetCachingFilter(new QueryWrapperFilter(new BooleanQuery
    {
        { Any(SearchFields.OpenStatus, [nameof(OpenStatus.Open), nameof(OpenStatus.PartlyOpen)]), Occur.MUST },
        { new TermQuery(new Term(SearchFields.Classification, SearchFields.Unclassified)), Occur.MUST },
    }));

    /// <summary>The records whose content the public may search: fully Open only.</summary>
    public static Filter OpenContent { get; } = new BitSetCachingFilter(new QueryWrapperFilter(
        new TermQuery(new Term(SearchFields.OpenStatus, nameof(OpenStatus.Open)))));

    /// <summary>The classifications a staff member's clearance allows ("" stored as <see cref="SearchFields.Unclassified"/>).</summary>
    public static Filter Staff(IReadOnlyList<string> visibleClassifications)
    {
        var codes = visibleClassifications.Select(c => c.Length == 0 ? SearchFields.Unclassified : c).Order(StringComparer.Ordinal).ToList();
        return StaffFilters.GetOrAdd(string.Join('\u001f', codes), _ =>
            new BitSetCachingFilter(new QueryWrapperFilter(Any(SearchFields.Classification, codes))));
    }

    /// <summary>
    /// The audience's filter combined with the request's facet filters; null when nothing needs filtering in this
    /// reader (staff cleared for every classification it holds, no facet filter).
    /// </summary>
    public static Filter? For(SearchRequest request, CatalogueRules rules, IndexReader reader)
    {
        Filter? access;
        if (request.Audience == SearchAudience.Staff)
        {
            var visible = rules.VisibleClassifications(request.Clearance);
            access = SeesEverything(reader, visible) ? null : Staff(visible);
        }
        else
        {
            access = Public;
        }

        var facets = FacetFilters(request);
        if (facets.Count == 0)
        {
            return access;
        }

        var all = new BooleanQuery();
        if (access is not null)
        {
            all.Add(new ConstantScoreQuery(access), Occur.MUST);
        }

        foreach (var clause in facets)
        {
            all.Add(clause, Occur.MUST);
        }

        return new QueryWrapperFilter(all);
    }

    private static List<Lucene.Net.Search.Query> FacetFilters(SearchRequest request)
    {
        var clauses = new List<Lucene.Net.Search.Query>();
        void Term(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                clauses.Add(new TermQuery(new Term(field, value.Trim())));
            }
        }

        Term(SearchFields.FondsCode, request.FondsCode);
        Term(SearchFields.CategoryCode, request.CategoryCode);
        Term(SearchFields.RetentionCode, request.RetentionCode);
        Term(SearchFields.OrgUnitCode, request.OrgUnitCode);
        Term(SearchFields.Carrier, request.Carrier);
        Term(SearchFields.OpenStatus, request.OpenStatus is { } open && Enum.TryParse<OpenStatus>(open, ignoreCase: true, out var status) ? status.ToString() : request.OpenStatus);
        Term(SearchFields.Classification, request.Classification is "" ? null : request.Classification);
        if (request.YearFrom is not null || request.YearTo is not null)
        {
            clauses.Add(NumericRangeQuery.NewInt32Range(SearchFields.Year, request.YearFrom, request.YearTo, minInclusive: true, maxInclusive: true));
        }

        return clauses;
    }

    /// <summary>True when every document of the reader has a classification, and all of them are visible.</summary>
    private static bool SeesEverything(IndexReader reader, IReadOnlyList<string> visibleClassifications)
    {
        var terms = MultiFields.GetTerms(reader, SearchFields.Classification);
        if (terms is null)
        {
            return reader.MaxDoc == 0;
        }

        if (terms.DocCount != reader.MaxDoc)
        {
            return false;
        }

        var visible = visibleClassifications.Select(c => c.Length == 0 ? SearchFields.Unclassified : c).ToHashSet(StringComparer.Ordinal);
        var term = terms.GetEnumerator();
        while (term.MoveNext())
        {
            if (!visible.Contains(term.Term.Utf8ToString()))
            {
                return false;
            }
        }

        return true;
    }

    private static BooleanQuery Any(string field, IEnumerable<string> values)
    {
        var query = new BooleanQuery();
        foreach (var value in values)
        {
            query.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>Caches a filter per segment as a FixedBitSet, which has random access (Bits) for FilteredQuery.</summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }
}
