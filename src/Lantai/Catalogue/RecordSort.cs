namespace Lantai.Catalogue;

/// <summary>List orders; every order ends on the unique archival code so keyset paging is stable.</summary>
public enum RecordSort
{
    ArchivalCode = 0,
    Year = 1,
    Date = 2,
}
