using Lantai.Search;

namespace Lantai.Web.Api.Search;

/// <summary>Facet fields as pages and the API show them: their Chinese names and the query-string parameter each filters by.</summary>
public static class SearchFacets
{
    /// <summary>The facets <paramref name="audience"/> may see, in display order; any other facet is dropped, whatever the service returned.</summary>
    public static IEnumerable<FacetResult> Visible(SearchAudience audience, IEnumerable<FacetResult> facets)
    {
        ArgumentNullException.ThrowIfNull(facets);
        var allowed = audience == SearchAudience.Staff ? SearchFields.StaffFacets : SearchFields.PublicFacets;
        return facets.Where(f => allowed.Contains(f.Field)).OrderBy(f => IndexOf(allowed, f.Field));
    }

    public static string Label(string field) => field switch
    {
        SearchFields.FondsCode => "全宗",
        SearchFields.CategoryCode => "门类",
        SearchFields.Year => "年度",
        SearchFields.RetentionCode => "保管期限",
        SearchFields.OpenStatus => "开放状态",
        SearchFields.Carrier => "载体",
        SearchFields.Classification => "密级",
        SearchFields.OrgUnitCode => "机构(问题)",
        _ => field,
    };

    /// <summary>The query-string parameter of a facet field (year filters as yearFrom = yearTo).</summary>
    public static string Parameter(string field) => field switch
    {
        SearchFields.FondsCode => "fonds",
        SearchFields.CategoryCode => "category",
        SearchFields.Year => "year",
        SearchFields.RetentionCode => "retention",
        SearchFields.OpenStatus => "open",
        SearchFields.Carrier => "carrier",
        SearchFields.Classification => "class",
        SearchFields.OrgUnitCode => "org",
        _ => field,
    };

    private static int IndexOf(IReadOnlyList<string> list, string field)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == field)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
