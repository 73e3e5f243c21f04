namespace Lantai.Search;

/// <summary>
/// The fields of a record's search document. Text fields are analysed with <see cref="Analysis.LantaiAnalyzer"/> and
/// stored (for hits and snippets); keyword fields hold codes for filters, facets and sorting (doc values).
/// </summary>
public static class SearchFields
{
    // Identity
    public const string Id = "id";

    // Analysed text (stored as received; only the search keys are folded)
    public const string Title = "title";            // 题名
    public const string Author = "author";          // 责任者
    public const string DocumentNumber = "docno";   // 文号
    public const string ArchivalCode = "code";      // 档号
    public const string Remarks = "remarks";        // 备注 (staff only)
    public const string OrgUnitName = "org";        // 机构(问题) name
    public const string Content = "content";        // full text of the record's files (PDF, OFD, TXT/XML, OCR)

    // Keywords: filters, facets, sorting
    public const string FondsCode = "fonds";        // 全宗号
    public const string CategoryCode = "category";  // 门类
    public const string Year = "year";              // 年度 (int)
    public const string RetentionCode = "retention"; // 保管期限
    public const string OrgUnitCode = "orgcode";    // 机构(问题) code
    public const string Classification = "class";   // 密级 code, "" stored as "-" (staff only)
    public const string OpenStatus = "open";        // 开放状态 (enum name)
    public const string Carrier = "carrier";        // 载体
    public const string Date = "date";              // 成文日期 as yyyyMMdd (int), 0 when unknown
    public const string CodeSort = "codesort";      // 档号 sort key

    /// <summary>The stored value standing for "unclassified" in <see cref="Classification"/> (an empty term cannot be filtered on).</summary>
    public const string Unclassified = "-";

    /// <summary>Text fields searched by the one search box, with the boosts that put title and document number first.</summary>
    public static IReadOnlyDictionary<string, float> StaffTextFields { get; } = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        [Title] = 4f,
        [DocumentNumber] = 4f,
        [ArchivalCode] = 3f,
        [Author] = 2f,
        [OrgUnitName] = 1f,
        [Remarks] = 1f,
        [Content] = 0.5f,
    };

    /// <summary>The text fields the public may search: no remarks (internal notes).</summary>
    public static IReadOnlyDictionary<string, float> PublicTextFields { get; } = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        [Title] = 4f,
        [DocumentNumber] = 4f,
        [ArchivalCode] = 3f,
        [Author] = 2f,
        [OrgUnitName] = 1f,
        [Content] = 0.5f,
    };

    /// <summary>Facets shown to everyone, in display order.</summary>
    public static IReadOnlyList<string> PublicFacets { get; } = [FondsCode, CategoryCode, Year, RetentionCode, OpenStatus, Carrier];

    /// <summary>Facets shown to staff: the public ones plus classification and org unit.</summary>
    public static IReadOnlyList<string> StaffFacets { get; } = [FondsCode, CategoryCode, Year, RetentionCode, OpenStatus, Carrier, Classification, OrgUnitCode];
}
