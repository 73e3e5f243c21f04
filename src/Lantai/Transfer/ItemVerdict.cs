using Lantai.Preservation;
using Lantai.Transfer.Checks;

namespace Lantai.Transfer;

/// <summary>What the four-properties check said of one item (its own lines and its files'): an outcome and a one-line summary for its history.</summary>
internal sealed record ItemVerdict(string Outcome, string Summary, DateTimeOffset CheckedAt)
{
    /// <summary>
    /// The item a report line is about: the one it names, or the one whose file it names (per-file checks name only the
    /// file). Null for a line about the package as a whole or a stray file.
    /// </summary>
    public static Guid? ItemOf(CheckResult line, IReadOnlyDictionary<string, Guid> itemOfPath) => ItemOf(line?.ItemId, line?.FilePath, itemOfPath);

    /// <inheritdoc cref="ItemOf(CheckResult, IReadOnlyDictionary{string, Guid})"/>
    public static Guid? ItemOf(Guid? itemId, string? filePath, IReadOnlyDictionary<string, Guid> itemOfPath) =>
        itemId ?? (filePath is not null && itemOfPath.TryGetValue(filePath, out var id) ? id : null);

    /// <summary>The verdict of an item from how many of its lines had each outcome (blocking or not).</summary>
    public static ItemVerdict Of(IReadOnlyCollection<LineCount> lines, DateTimeOffset checkedAt)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int Count(CheckOutcome o) => lines.Where(l => l.Outcome == o).Sum(l => l.Count);
        var failed = lines.Any(l => l.Outcome == CheckOutcome.Failed && l.Blocking);
        var outcome = failed ? PreservationEventTypes.Failure
            : lines.Any(l => l.Outcome is CheckOutcome.Warning or CheckOutcome.Failed) ? PreservationEventTypes.Warning
            : PreservationEventTypes.Success;
        var summary = $"四性检测：通过{Count(CheckOutcome.Passed)}项，不通过{Count(CheckOutcome.Failed)}项，警告{Count(CheckOutcome.Warning)}项，未检测{Count(CheckOutcome.NotChecked)}项";
        return new ItemVerdict(outcome, summary, checkedAt);
    }

    /// <summary>How many report lines of one item (or file) had one outcome.</summary>
    public readonly record struct LineCount(CheckOutcome Outcome, bool Blocking, int Count);
}
