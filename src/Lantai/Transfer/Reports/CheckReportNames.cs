using Lantai.Transfer.Checks;

namespace Lantai.Transfer.Reports;

/// <summary>The Chinese names of outcomes, properties, stages and states, shared by the report exports, the pages and the CLI.</summary>
public static class CheckReportNames
{
    public static string Outcome(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed => "通过",
        CheckOutcome.Failed => "不通过",
        CheckOutcome.Warning => "警告",
        CheckOutcome.NotChecked => "未检测",
        _ => outcome.ToString(),
    };

    public static string Property(CheckProperty property) => property switch
    {
        CheckProperty.Authenticity => "真实性",
        CheckProperty.Integrity => "完整性",
        CheckProperty.Usability => "可用性",
        CheckProperty.Security => "安全性",
        _ => property.ToString(),
    };

    public static string Stage(CheckStage stage) => stage switch
    {
        CheckStage.Filing => "归档",
        CheckStage.Transfer => "移交与接收",
        CheckStage.Preservation => "长期保存",
        _ => stage.ToString(),
    };

    public static string Kind(PackageKind kind) => kind switch
    {
        PackageKind.Folder => "文件夹",
        PackageKind.Zip => "ZIP压缩包",
        PackageKind.BagIt => "BagIt包",
        PackageKind.Eep => "电子文件封装包",
        _ => kind.ToString(),
    };

    /// <summary>The four properties in DA/T 70's order.</summary>
    public static IReadOnlyList<CheckProperty> Properties { get; } =
        [CheckProperty.Authenticity, CheckProperty.Integrity, CheckProperty.Usability, CheckProperty.Security];

    /// <summary>The outcomes in the order the report counts them.</summary>
    public static IReadOnlyList<CheckOutcome> Outcomes { get; } =
        [CheckOutcome.Passed, CheckOutcome.Failed, CheckOutcome.Warning, CheckOutcome.NotChecked];
}
