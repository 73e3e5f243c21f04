using Lantai.Transfer.Checks;

namespace Lantai.Transfer.Reports;

/// <summary>How many report lines of one property ended in each outcome (the report's summary and the page's bars).</summary>
public sealed record CheckReportTotals(CheckProperty Property, int Passed, int Failed, int Warning, int NotChecked)
{
    public int Total => Passed + Failed + Warning + NotChecked;

    public int Count(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed => Passed,
        CheckOutcome.Failed => Failed,
        CheckOutcome.Warning => Warning,
        _ => NotChecked,
    };

    /// <summary>One row per property, in DA/T 70's order, including properties without lines.</summary>
    public static IReadOnlyList<CheckReportTotals> Of(IEnumerable<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results as IReadOnlyCollection<CheckResult> ?? [.. results];
        return [.. CheckReportNames.Properties.Select(p =>
        {
            var lines = list.Where(r => r.Property == p).ToList();
            return new CheckReportTotals(p,
                lines.Count(r => r.Outcome == CheckOutcome.Passed),
                lines.Count(r => r.Outcome == CheckOutcome.Failed),
                lines.Count(r => r.Outcome == CheckOutcome.Warning),
                lines.Count(r => r.Outcome == CheckOutcome.NotChecked));
        })];
    }
}
