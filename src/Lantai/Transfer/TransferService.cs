using Lantai.Common;
using Lantai.Data;
using Lantai.Jobs;

namespace Lantai.Transfer;

/// <summary>
/// The transfer use cases (移交接收): receive a package, check it (job <c>transfer.check</c>), accept all or selected
/// records (job <c>transfer.ingest</c>) or reject it with a reason, and delete a rejected package's files.
/// </summary>
public sealed class TransferService(LantaiDbContext db, DatabaseOptions options, JobQueue jobs, TimeProvider time)
{
    public const string CheckJobKind = "transfer.check";
    public const string IngestJobKind = "transfer.ingest";

    /// <summary>
    /// Stages the package at <paramref name="path"/> (a zip or a folder; the caller may delete it afterwards) and queues
    /// its check. A hostile or broken package is recorded as <see cref="TransferState.Refused"/> with its report and
    /// nothing else kept; the returned transfer says so.
    /// </summary>
    public Task<Result<TransferReceipt>> ReceiveAsync(string path, string name, string actor, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"lead {db} {options} {jobs} {time} {path} {name} {actor}");

    /// <summary>Accepts the given items (null: every item that passed) and queues their ingest.</summary>
    public Task<Result<Job>> AcceptAsync(Guid transferId, IReadOnlyList<Guid>? itemIds, string actor, CancellationToken cancellationToken) =>
        throw new NotImplementedException("lead");

    /// <summary>Rejects the whole transfer with a reason; its files move to quarantine.</summary>
    public Task<Result<TransferPackage>> RejectAsync(Guid transferId, string reason, string actor, CancellationToken cancellationToken) =>
        throw new NotImplementedException("lead");

    /// <summary>Deletes the quarantined files of a rejected or refused transfer (administrators); the transfer and its report stay.</summary>
    public Task<Result<TransferPackage>> DeleteFilesAsync(Guid transferId, string actor, CancellationToken cancellationToken) =>
        throw new NotImplementedException("lead");
}
