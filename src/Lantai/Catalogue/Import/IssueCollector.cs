namespace Lantai.Catalogue.Import;

/// <summary>
/// Collects errors and warnings. Every error is counted; the first N are kept (later ones only when they name an earlier
/// row, such as the first row of a duplicate pair, could be dropped). Warnings of one kind are folded into one line
/// with a count so a million rows do not make a million warnings.
/// </summary>
internal sealed class IssueCollector(int maxListed)
{
    private readonly List<ImportIssue> _errors = [];
    private readonly HashSet<int> _errorRows = [];
    private readonly Dictionary<string, WarningTally> _warnings = new(StringComparer.Ordinal);
    private readonly List<string> _warningOrder = [];
    private int _errorCount;

    /// <summary>Read by the writing side of the pipeline to stop writing once the import cannot commit.</summary>
    public int ErrorCount => Volatile.Read(ref _errorCount);

    public int ErrorRowCount => _errorRows.Count;

    public bool HasErrors(int row) => _errorRows.Contains(row);

    public void Error(int? row, string? column, string message)
    {
        Interlocked.Increment(ref _errorCount);
        if (row is { } r)
        {
            _errorRows.Add(r);
        }

        if (_errors.Count < maxListed)
        {
            _errors.Add(new ImportIssue(row, column, message));
        }
    }

    /// <summary>A warning; repeated keys are counted, and the first row is named.</summary>
    public void Warning(string key, int? row, string? column, string message)
    {
        if (_warnings.TryGetValue(key, out var tally))
        {
            tally.Count++;
            return;
        }

        _warnings[key] = new WarningTally(new ImportIssue(row, column, message));
        _warningOrder.Add(key);
    }

    public IReadOnlyList<ImportIssue> Errors() =>
        [.. _errors.OrderBy(e => e.Row ?? 0)];

    public IReadOnlyList<ImportIssue> Warnings() =>
        [.. _warningOrder.Select(k => _warnings[k]).Select(t => t.Count == 1 ? t.First : t.First with { Message = $"{t.First.Message}（共{t.Count}行）" })];

    private sealed class WarningTally(ImportIssue first)
    {
        public ImportIssue First { get; } = first;

        public int Count { get; set; } = 1;
    }
}
