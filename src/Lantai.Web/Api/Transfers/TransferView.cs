using Lantai.Transfer;
using Lantai.Transfer.Reports;

namespace Lantai.Web.Api.Transfers;

/// <summary>A transfer as the API lists it: states as a code and a Chinese label.</summary>
public sealed record TransferView(
    Guid Id, string Name, string Kind, string KindLabel, string State, string StateLabel, string? TransferringUnit, string? PackageSm3,
    int ItemCount, int FileCount, long TotalBytes, string ReceivedBy, DateTimeOffset ReceivedAt, DateTimeOffset? CheckedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason)
{
    public static TransferView Of(TransferPackage t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new TransferView(t.Id, t.Name, t.Kind.ToString(), CheckReportNames.Kind(t.Kind), t.State.ToString(), TransferStates.Name(t.State),
            t.TransferringUnit, t.PackageSm3, t.ItemCount, t.FileCount, t.TotalBytes, t.ReceivedBy, t.ReceivedAt, t.CheckedAt, t.DecidedBy, t.DecidedAt, t.Reason);
    }
}
