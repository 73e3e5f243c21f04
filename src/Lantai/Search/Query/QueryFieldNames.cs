namespace Lantai.Search.Query;

/// <summary>The Chinese and English names of the query fields, and their Chinese display names for messages.</summary>
internal static class QueryFieldNames
{
    private static readonly Dictionary<string, QueryField> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["题名"] = QueryField.Title,
        ["标题"] = QueryField.Title,
        ["title"] = QueryField.Title,
        ["责任者"] = QueryField.Author,
        ["author"] = QueryField.Author,
        ["文号"] = QueryField.DocumentNumber,
        ["docno"] = QueryField.DocumentNumber,
        ["档号"] = QueryField.ArchivalCode,
        ["code"] = QueryField.ArchivalCode,
        ["机构"] = QueryField.OrgUnit,
        ["机构问题"] = QueryField.OrgUnit,
        ["org"] = QueryField.OrgUnit,
        ["备注"] = QueryField.Remarks,
        ["remarks"] = QueryField.Remarks,
        ["全文"] = QueryField.Content,
        ["内容"] = QueryField.Content,
        ["content"] = QueryField.Content,
        ["全宗"] = QueryField.Fonds,
        ["全宗号"] = QueryField.Fonds,
        ["fonds"] = QueryField.Fonds,
        ["门类"] = QueryField.Category,
        ["category"] = QueryField.Category,
        ["年度"] = QueryField.Year,
        ["年份"] = QueryField.Year,
        ["year"] = QueryField.Year,
        ["保管期限"] = QueryField.Retention,
        ["期限"] = QueryField.Retention,
        ["retention"] = QueryField.Retention,
        ["密级"] = QueryField.Classification,
        ["class"] = QueryField.Classification,
        ["classification"] = QueryField.Classification,
        ["开放状态"] = QueryField.OpenStatus,
        ["open"] = QueryField.OpenStatus,
        ["载体"] = QueryField.Carrier,
        ["carrier"] = QueryField.Carrier,
    };

    public static bool TryParse(string name, out QueryField field) => ByName.TryGetValue(name, out field);

    public static string Label(QueryField field) => field switch
    {
        QueryField.Title => "题名",
        QueryField.Author => "责任者",
        QueryField.DocumentNumber => "文号",
        QueryField.ArchivalCode => "档号",
        QueryField.OrgUnit => "机构",
        QueryField.Remarks => "备注",
        QueryField.Content => "全文",
        QueryField.Fonds => "全宗",
        QueryField.Category => "门类",
        QueryField.Year => "年度",
        QueryField.Retention => "保管期限",
        QueryField.Classification => "密级",
        QueryField.OpenStatus => "开放状态",
        QueryField.Carrier => "载体",
        _ => field.ToString(),
    };

    /// <summary>The analysed text field behind a text query field; null for code fields.</summary>
    public static string? TextField(QueryField field) => field switch
    {
        QueryField.Title => SearchFields.Title,
        QueryField.Author => SearchFields.Author,
        QueryField.DocumentNumber => SearchFields.DocumentNumber,
        QueryField.ArchivalCode => SearchFields.ArchivalCode,
        QueryField.OrgUnit => SearchFields.OrgUnitName,
        QueryField.Remarks => SearchFields.Remarks,
        QueryField.Content => SearchFields.Content,
        _ => null,
    };

    /// <summary>Fields only staff may query: the public must not find records by internal notes or learn classifications.</summary>
    public static bool IsStaffOnly(QueryField field) => field is QueryField.Remarks or QueryField.Classification;
}
