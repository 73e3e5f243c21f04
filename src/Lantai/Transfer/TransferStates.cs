namespace Lantai.Transfer;

/// <summary>Chinese names of transfer and item states, for pages, reports and messages.</summary>
public static class TransferStates
{
    public static string Name(TransferState state) => state switch
    {
        TransferState.Received => "已收到",
        TransferState.Checking => "检测中",
        TransferState.Checked => "待决定",
        TransferState.Refused => "已拒收",
        TransferState.Ingesting => "接收中",
        TransferState.Accepted => "已接收",
        TransferState.Rejected => "已退回",
        TransferState.Deleted => "已删除文件",
        _ => state.ToString(),
    };

    public static string Name(TransferItemState state) => state switch
    {
        TransferItemState.Pending => "待检测",
        TransferItemState.Passed => "通过",
        TransferItemState.Failed => "不通过",
        TransferItemState.Accepted => "已选接收",
        TransferItemState.Ingested => "已入库",
        TransferItemState.Rejected => "已退回",
        _ => state.ToString(),
    };
}
