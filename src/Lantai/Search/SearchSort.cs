namespace Lantai.Search;

/// <summary>The orders a result list can be sorted in.</summary>
public enum SearchSort
{
    Relevance = 0,
    DateNewest = 1,
    DateOldest = 2,
    ArchivalCode = 3,
}
