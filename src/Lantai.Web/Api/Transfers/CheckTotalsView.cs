using Lantai.Transfer.Reports;

namespace Lantai.Web.Api.Transfers;

/// <summary>How many lines of one property ended in each outcome.</summary>
public sealed record CheckTotalsView(string Property, string PropertyLabel, int Passed, int Failed, int Warning, int NotChecked)
{
    public static CheckTotalsView Of(CheckReportTotals t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new CheckTotalsView(t.Property.ToString(), CheckReportNames.Property(t.Property), t.Passed, t.Failed, t.Warning, t.NotChecked);
    }
}
