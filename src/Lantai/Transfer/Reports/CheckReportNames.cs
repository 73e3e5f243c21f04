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

    public static string State(TransferState state) => state switch
    {
        TransferState.Received => "已接收待检测",
        TransferState.Checking => "检测中",
        TransferState.Checked => "已检测待决定",
        TransferState.Refused => "拒收",
        TransferState.Ingesting => "入库中",
        TransferState.Accepted => "已接收入库",
        TransferState.Rejected => "已退回",
        TransferState.Deleted => "已退回（文件已删除）",
        _ => state.ToString(),
    };

    public static string ItemState(TransferItemState state) => state switch
    {
        TransferItemState.Pending => "待检测",
        TransferItemState.Passed => "检测通过",
        TransferItemState.Failed => "检测不通过",
        TransferItemState.Accepted => "已接收待入库",
        TransferItemState.Ingested => "已入库",
        TransferItemState.Rejected => "已退回",
        _ => state.ToString(),
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
