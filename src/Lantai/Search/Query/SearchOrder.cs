using Lucene.Net.Search;

namespace Lantai.Search.Query;

/// <summary>
/// The Lucene sort of each <see cref="SearchSort"/>, with the shape of its cursor values. Date orders break ties by
/// 档号 so equal dates page stably; relevance uses the plain score collector (fastest) and ties by doc id.
/// </summary>
internal sealed record SearchOrder(Sort? Sort, string CursorShape)
{
    private static readonly SearchOrder Relevance = new(null, "");
    private static readonly SearchOrder Newest = new(new Sort(new SortField(SearchFields.Date, SortFieldType.INT64, reverse: true), new SortField(SearchFields.CodeSort, SortFieldType.STRING)), "NB");
    private static readonly SearchOrder Oldest = new(new Sort(new SortField(SearchFields.Date, SortFieldType.INT64), new SortField(SearchFields.CodeSort, SortFieldType.STRING)), "NB");
    private static readonly SearchOrder Code = new(new Sort(new SortField(SearchFields.CodeSort, SortFieldType.STRING)), "B");

    public static SearchOrder For(SearchSort sort) => sort switch
    {
        SearchSort.DateNewest => Newest,
        SearchSort.DateOldest => Oldest,
        SearchSort.ArchivalCode => Code,
        _ => Relevance,
    };
}
