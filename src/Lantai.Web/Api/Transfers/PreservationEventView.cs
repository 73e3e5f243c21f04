using Lantai.Preservation;

namespace Lantai.Web.Api.Transfers;

/// <summary>A PREMIS-style event of a record, its objects or its transfer.</summary>
public sealed record PreservationEventView(Guid Id, DateTimeOffset At, string Type, string TypeLabel, string Outcome, string Agent, string? Detail, string? ObjectSm3, Guid? TransferId)
{
    public static PreservationEventView Of(PreservationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new PreservationEventView(e.Id, e.At, e.Type, Label(e.Type), e.Outcome, e.Agent, e.Detail, e.ObjectSm3, e.TransferId);
    }

    public static string Label(string type) => type switch
    {
        PreservationEventTypes.Ingestion => "入库",
        PreservationEventTypes.MessageDigestCalculation => "计算摘要",
        PreservationEventTypes.FormatIdentification => "格式识别",
        PreservationEventTypes.Validation => "格式验证",
        PreservationEventTypes.VirusCheck => "病毒检测",
        PreservationEventTypes.FixityCheck => "固定性检查",
        PreservationEventTypes.Accession => "接收",
        PreservationEventTypes.Rejection => "退回",
        PreservationEventTypes.Deletion => "删除",
        _ => type,
    };
}
