using Lantai.Data;

namespace Lantai.Transfer;

/// <summary>Reads transfers and their reports for the pages, the API and the CLI.</summary>
public sealed class TransferQueries(LantaiDbContext db)
{
    /// <summary>Newest first.</summary>
    public Task<IReadOnlyList<TransferPackage>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"lead {db}");

    /// <summary>The transfer with its items, files and latest check run with its lines; null when there is none.</summary>
    public Task<TransferDetail?> GetAsync(Guid transferId, CancellationToken cancellationToken) =>
        throw new NotImplementedException("lead");
}
