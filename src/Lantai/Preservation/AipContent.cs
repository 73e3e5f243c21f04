using Lantai.Catalogue;
using Lantai.Transfer;
using Lantai.Transfer.Checks;

namespace Lantai.Preservation;

/// <summary>Everything one record's AIP holds: the archive, the record and its files, its check lines and its events.</summary>
public sealed record AipContent
{
    /// <summary>The archive's name (bag-info Source-Organization).</summary>
    public required string ArchiveName { get; init; }

    public required Record Record { get; init; }

    public required IReadOnlyList<AipFile> Files { get; init; }

    /// <summary>The transfer the record came in (bag-info Bag-Group-Identifier), when it came in one.</summary>
    public TransferPackage? Transfer { get; init; }

    /// <summary>The record's catalogue row in that transfer.</summary>
    public TransferItem? Item { get; init; }

    public CheckRun? Run { get; init; }

    /// <summary>This record's lines of the check run (see <see cref="LinesOf"/>).</summary>
    public IReadOnlyList<CheckResult> CheckLines { get; init; } = [];

    public IReadOnlyList<PreservationEvent> Events { get; init; } = [];

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
