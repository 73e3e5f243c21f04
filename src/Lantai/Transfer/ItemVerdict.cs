using Lantai.Preservation;
using Lantai.Transfer.Checks;

namespace Lantai.Transfer;

/// <summary>What the four-properties check said of one item: its report lines and a one-line summary for its history.</summary>
internal sealed record ItemVerdict(IReadOnlyList<CheckResult> Lines, string Outcome, string Summary, DateTimeOffset CheckedAt)
{
    /// <summary>
    /// The item a report line is about: the one it names, or the one whose file it names (per-file checks name only the
    /// file). Null for a line about the package as a whole or a stray file.
    /// </summary>
    public static Guid? ItemOf(CheckResult line, IReadOnlyDictionary<string, Guid> itemOfPath) =>
        line.ItemId ?? (line.FilePath is not null && itemOfPath.TryGetValue(line.FilePath, out var id) ? id : null);

    public static ItemVerdict Of(IReadOnlyList<CheckResult> lines, DateTimeOffset checkedAt)
    {
        int Count(CheckOutcome o) => lines.Count(l => l.Outcome == o);
        var failed = lines.Any(l => l.Outcome == CheckOutcome.Failed && l.Blocking);
        var outcome = failed ? PreservationEventTypes.Failure
            : lines.Any(l => l.Outcome is CheckOutcome.Warning or CheckOutcome.Failed) ? PreservationEventTypes.Warning
            : PreservationEventTypes.Success;
        var summary = $"四性检测：通过{Count(CheckOutcome.Passed)}项，不通过{Count(CheckOutcome.Failed)}项，警告{Count(CheckOutcome.Warning)}项，未检测{Count(CheckOutcome.NotChecked)}项";
        return new ItemVerdict(lines, outcome, summary, checkedAt);
    }
}
