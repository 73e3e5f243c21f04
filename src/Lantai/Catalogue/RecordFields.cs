namespace Lantai.Catalogue;

/// <summary>The record fields by name, with the Chinese column names archivists use (DA/T 22-2015 filing catalogue).</summary>
public static class RecordFields
{
    public const string ArchivalCode = nameof(Record.ArchivalCode);
    public const string FondsCode = nameof(Record.FondsCode);
    public const string CategoryCode = nameof(Record.CategoryCode);
    public const string Year = nameof(Record.Year);
    public const string RetentionCode = nameof(Record.RetentionCode);
    public const string OrgUnitCode = nameof(Record.OrgUnitCode);
    public const string ItemNumber = nameof(Record.ItemNumber);
    public const string Author = nameof(Record.Author);
    public const string DocumentNumber = nameof(Record.DocumentNumber);
    public const string Title = nameof(Record.Title);
    public const string Date = nameof(Record.Date);
    public const string PageCount = nameof(Record.PageCount);
    public const string Classification = nameof(Record.Classification);
    public const string Carrier = nameof(Record.Carrier);
    public const string Remarks = nameof(Record.Remarks);
    public const string OpenStatus = nameof(Record.OpenStatus);

    public static string Label(string field) => field switch
    {
        ArchivalCode => "档号",
        FondsCode => "全宗号",
        CategoryCode => "门类",
        Year => "年度",
        RetentionCode => "保管期限",
        OrgUnitCode => "机构(问题)",
        ItemNumber => "件号",
        Author => "责任者",
        DocumentNumber => "文号",
        Title => "题名",
        Date => "日期",
        PageCount => "页数",
        Classification => "密级",
        Carrier => "载体",
        Remarks => "备注",
        OpenStatus => "开放状态",
        _ => field,
    };

    public static string OpenStatusLabel(OpenStatus status) => status switch
    {
        Catalogue.OpenStatus.Unreviewed => "未审",
        Catalogue.OpenStatus.Open => "开放",
        Catalogue.OpenStatus.Controlled => "控制",
        Catalogue.OpenStatus.PartlyOpen => "部分开放",
        _ => status.ToString(),
    };
}
