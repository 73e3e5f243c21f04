namespace Lantai.Transfer.Checks;

/// <summary>The outcome of a check run, not yet saved: the run, its lines, and what was learned of each file.</summary>
public sealed record CheckReport
{
    public required CheckRun Run { get; init; }

    public required IReadOnlyList<CheckResult> Results { get; init; }

    /// <summary>Format identified for each file, by <see cref="CheckSubjectFile.PathKey"/>.</summary>
    public required IReadOnlyDictionary<string, IdentifiedFormat> Formats { get; init; }
}
