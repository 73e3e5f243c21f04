using Lantai.Transfer;
using Lantai.Transfer.Reports;

namespace Lantai.Web.Api.Transfers;

/// <summary>A transfer with its items, files and latest check report.</summary>
public sealed record TransferDetailView(
    TransferView Transfer, string? Outcome, string? OutcomeLabel, DateTimeOffset? CheckStartedAt, DateTimeOffset? CheckFinishedAt, string? Tools,
    IReadOnlyList<CheckTotalsView> Totals, IReadOnlyList<TransferItemView> Items, IReadOnlyList<TransferFileView> Files, IReadOnlyList<CheckLineView> Lines)
{
    public static TransferDetailView Of(TransferDetail d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new TransferDetailView(
            TransferView.Of(d.Transfer),
            d.Run?.Outcome?.ToString(),
            d.Run?.Outcome is { } o ? CheckReportNames.Outcome(o) : null,
            d.Run?.StartedAt,
            d.Run?.FinishedAt,
            d.Run?.Tools,
            [.. CheckReportTotals.Of(d.Results).Select(CheckTotalsView.Of)],
            [.. d.Items.Select(TransferItemView.Of)],
            [.. d.Files.Select(TransferFileView.Of)],
            [.. d.Results.Select(CheckLineView.Of)]);
    }
}
