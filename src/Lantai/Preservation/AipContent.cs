using Lantai.Catalogue;
using Lantai.Transfer;
using Lantai.Transfer.Checks;

namespace Lantai.Preservation;

/// <summary>What goes into a record's AIP: the record, its files (in the store), its check lines and its history.</summary>
public sealed record AipContent
{
    public required Record Record { get; init; }

    public required IReadOnlyList<RecordFile> Files { get; init; }

    /// <summary>This record's lines of the check run (see <see cref="LinesOf"/>).</summary>
    public required IReadOnlyList<CheckResult> Results { get; init; }

    public required IReadOnlyList<PreservationEvent> Events { get; init; }

    public string? TransferName { get; init; }

    public Guid? TransferId { get; init; }

    /// <summary>The archive's name (bag-info Source-Organization); "兰台" when not given.</summary>
    public string? ArchiveName { get; init; }

    /// <summary>
    /// SHA-256 of the files' objects by SM3, as the store computed them. A file missing here has its SHA-256 computed by
    /// the writer (one more read of the object).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Sha256 { get; init; }

    /// <summary>The transfer the record came in, for the report's header and bag-info (optional; <see cref="TransferId"/> suffices).</summary>
    public TransferPackage? Transfer { get; init; }

    /// <summary>The record's catalogue row in that transfer.</summary>
    public TransferItem? Item { get; init; }

    public CheckRun? Run { get; init; }

    /// <summary>
    /// The lines of a run that concern one record: those naming its item or the record, or one of its files. Lines
    /// about the whole package (virus scan of the package, counts) are not the record's; they stay in the transfer's report.
    /// </summary>
    public static IReadOnlyList<CheckResult> LinesOf(IEnumerable<CheckResult> results, Guid? itemId, RecordId recordId, IEnumerable<string> filePaths)
    {
        ArgumentNullException.ThrowIfNull(results);
        var paths = new HashSet<string>(filePaths ?? [], StringComparer.Ordinal);
        return [.. results.Where(r =>
            (itemId is not null && r.ItemId == itemId)
            || r.RecordId == recordId
            || (r.ItemId is null && r.FilePath is not null && paths.Contains(r.FilePath)))];
    }
}
