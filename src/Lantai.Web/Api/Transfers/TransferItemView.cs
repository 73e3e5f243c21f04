using Lantai.Transfer;

namespace Lantai.Web.Api.Transfers;

/// <summary>A catalogue row of a transfer and the record it becomes.</summary>
public sealed record TransferItemView(Guid Id, int RowNumber, string ArchivalCode, string Title, Guid RecordId, string State, string StateLabel, string? Reason)
{
    public static TransferItemView Of(TransferItem i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new TransferItemView(i.Id, i.RowNumber, i.ArchivalCode, i.Title, i.RecordId.Value, i.State.ToString(), TransferStates.Name(i.State), i.Reason);
    }
}
