using Lantai.Search;

namespace Lantai.Web.Pages.Search;

/// <summary>The Chinese keys of values the search pages name (sort orders), looked up in <see cref="SearchResource"/>.</summary>
public static class SearchPageText
{
    public static string SortLabel(SearchSort sort) => sort switch
    {
        SearchSort.DateNewest => "日期新→旧",
        SearchSort.DateOldest => "日期旧→新",
        SearchSort.ArchivalCode => "档号",
        _ => "相关度",
    };
}
