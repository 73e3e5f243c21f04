using Lantai.Common;
using Lantai.Data;

namespace Lantai.Transfer.Checks;

/// <summary>Everything a check may look at: the files on disk, the catalogue rows, what the package declared, the database.</summary>
public sealed class CheckContext
{
    public required CheckStage Stage { get; init; }

    public Guid? TransferId { get; init; }

    /// <summary>The folder the files are staged in (or the store, at the preservation stage).</summary>
    public required string Root { get; init; }

    public required IReadOnlyList<CheckSubjectFile> Files { get; init; }

    public required IReadOnlyList<CheckSubjectItem> Items { get; init; }

    /// <summary>Counts and sizes the package declared (bag-info Payload-Oxum, a registration form), if it declared any.</summary>
    public PackageDeclaration? Declaration { get; init; }

    /// <summary>Why the package did not open cleanly (Chinese); empty when it did.</summary>
    public IReadOnlyList<string> OpeningProblems { get; init; } = [];

    /// <summary>What is wrong with the package's catalogue file as a whole (missing, unreadable, no 文件 column), Chinese.</summary>
    public IReadOnlyList<string> CatalogueProblems { get; init; } = [];

    /// <summary>What the package reader noticed without refusing the package (e.g. a manifest line for a missing file), Chinese.</summary>
    public IReadOnlyList<string> PackageWarnings { get; init; } = [];

    /// <summary>The catalogue, to find archival codes already taken.</summary>
    public required LantaiDbContext Db { get; init; }

    /// <summary>Where file-by-file checks count the files they have judged (set up by <see cref="CheckEngine"/>).</summary>
    public CheckProgress Progress { get; } = new();

    /// <summary>Judges <paramref name="files"/> one per core (answers in their order), counting each in <see cref="Progress"/>.</summary>
    public Task<T[]> JudgeFilesAsync<T>(IReadOnlyList<CheckSubjectFile> files, Func<CheckSubjectFile, CancellationToken, ValueTask<T>> judge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(judge);
        return OnePerCore.MapAsync(files, async (file, token) =>
        {
            var answer = await judge(file, token);
            Progress.FileDone();
            return answer;
        }, cancellationToken);
    }
}
