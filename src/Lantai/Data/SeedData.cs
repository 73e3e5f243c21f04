using Lantai.Catalogue;

namespace Lantai.Data;

/// <summary>The code lists a new archive starts with (DESIGN.md §5); administrators edit them afterwards.</summary>
public static class SeedData
{
    public static IReadOnlyList<Category> Categories { get; } =
    [
        new() { Code = "WS", Name = "文书", SortOrder = 1 },
        new() { Code = "KJ", Name = "科技", SortOrder = 2 },
        new() { Code = "RS", Name = "人事", SortOrder = 3 },
        new() { Code = "KU", Name = "会计", SortOrder = 4 },
        new() { Code = "ZY", Name = "专业", SortOrder = 5 },
        new() { Code = "ZP", Name = "照片", SortOrder = 6 },
        new() { Code = "LY", Name = "录音", SortOrder = 7 },
        new() { Code = "LX", Name = "录像", SortOrder = 8 },
        new() { Code = "SJ", Name = "业务数据", SortOrder = 9 },
        new() { Code = "YJ", Name = "公务电子邮件", SortOrder = 10 },
        new() { Code = "WY", Name = "网页信息", SortOrder = 11 },
        new() { Code = "MT", Name = "社交媒体", SortOrder = 12 },
        new() { Code = "SW", Name = "实物", SortOrder = 13 },
    ];

    public static IReadOnlyList<CodeListEntry> CodeListEntries { get; } =
    [
        new() { List = CodeLists.Retention, Code = "Y", Name = "永久", Rank = 1 },
        new() { List = CodeLists.Retention, Code = "D30", Name = "定期30年", Rank = 2, Years = 30 },
        new() { List = CodeLists.Retention, Code = "D10", Name = "定期10年", Rank = 3, Years = 10 },
        new() { List = CodeLists.Classification, Code = "内部", Name = "内部", Rank = 1 },
        new() { List = CodeLists.Classification, Code = "秘密", Name = "秘密", Rank = 2 },
        new() { List = CodeLists.Classification, Code = "机密", Name = "机密", Rank = 3 },
        new() { List = CodeLists.Classification, Code = "绝密", Name = "绝密", Rank = 4 },
        new() { List = CodeLists.Carrier, Code = "纸质", Name = "纸质", Rank = 1 },
        new() { List = CodeLists.Carrier, Code = "电子", Name = "电子", Rank = 2 },
        new() { List = CodeLists.Carrier, Code = "照片", Name = "照片", Rank = 3 },
        new() { List = CodeLists.Carrier, Code = "录音带", Name = "录音带", Rank = 4 },
        new() { List = CodeLists.Carrier, Code = "录像带", Name = "录像带", Rank = 5 },
        new() { List = CodeLists.Carrier, Code = "缩微胶片", Name = "缩微胶片", Rank = 6 },
        new() { List = CodeLists.Carrier, Code = "实物", Name = "实物", Rank = 7 },
    ];
}
