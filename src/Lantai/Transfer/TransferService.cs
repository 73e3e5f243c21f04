using Lantai.Common;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Transfer;

/// <summary>
/// The transfer use cases (移交接收): receive a package, check it (job <c>transfer.check</c>), accept all or selected
/// records (job <c>transfer.ingest</c>) or reject it with a reason, and delete a rejected package's files.
/// </summary>
public sealed class TransferService(LantaiDbContext db, TransferFolders folders, JobQueue jobs, TimeProvider time)
{
    public const string CheckJobKind = "transfer.check";
    public const string IngestJobKind = "transfer.ingest";

    /// <summary>Receives an uploaded zip the server owns (it is moved into the transfer's folder) and queues its check.</summary>
    public Task<Result<TransferReceipt>> ReceiveAsync(string path, string name, string actor, CancellationToken cancellationToken) =>
        ReceiveAsync(new TransferRequest { Path = path, Name = name, Actor = actor, TakeOwnership = true }, cancellationToken);

    /// <summary>
    /// Records the transfer and queues its check (or leaves the check to the caller). Nothing of the package is read
    /// yet: opening it safely is the check's first step, so a hostile package is refused with a report like any other.
    /// </summary>
    public async Task<Result<TransferReceipt>> ReceiveAsync(TransferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var isFolder = Directory.Exists(request.Path);
        if (!isFolder && !File.Exists(request.Path))
        {
            return Error.Validation("path", $"找不到移交包“{request.Path}”");
        }

        var now = time.GetUtcNow();
        var transfer = new TransferPackage
        {
            Name = TextNormalizer.Clean(request.Name) ?? "",
            Kind = isFolder ? PackageKind.Folder : PackageKind.Zip,
            TransferringUnit = TextNormalizer.Clean(request.TransferringUnit),
            StoragePath = TransferFolders.StagingPathOf(Guid.Empty),
            ReceivedBy = request.Actor,
            ReceivedAt = now,
        };
        transfer.StoragePath = TransferFolders.StagingPathOf(transfer.Id);
        var source = request.Path;
        Directory.CreateDirectory(folders.FolderOf(transfer));
        if (request.TakeOwnership && !isFolder)
        {
            source = folders.UploadPathOf(transfer.Id);
            File.Move(request.Path, source);
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, request.Actor, cancellationToken);
        db.Transfers.Add(transfer);
        tx.Record("transfer.receive", nameof(TransferPackage), transfer.Id.ToString(), $"收到移交包“{transfer.Name}”",
            after: new { name = transfer.Name, transferringUnit = transfer.TransferringUnit });
        await tx.CommitAsync(cancellationToken);

        Job? job = null;
        if (request.QueueCheck)
        {
            job = await jobs.EnqueueAsync(CheckJobKind, new TransferCheckJobPayload(transfer.Id, source), request.Actor, cancellationToken);
        }

        return new TransferReceipt(transfer, job) { SourcePath = source };
    }

    /// <summary>
    /// Accepts the given items (null: every item that passed) and queues their ingest; the items not chosen are rejected.
    /// An item that failed a blocking check cannot be accepted.
    /// </summary>
    public async Task<Result<Job>> AcceptAsync(Guid transferId, IReadOnlyList<Guid>? itemIds, string actor, CancellationToken cancellationToken)
    {
        var decided = await DecideAcceptAsync(transferId, itemIds, actor, queue: true, cancellationToken);
        return decided.Succeeded ? decided.Value! : Result<Job>.Fail(decided.Errors);
    }

    /// <summary>The decision without the job, for the CLI, which ingests in the foreground.</summary>
    public async Task<Result<TransferPackage>> AcceptInForegroundAsync(Guid transferId, IReadOnlyList<Guid>? itemIds, string actor, CancellationToken cancellationToken)
    {
        var decided = await DecideAcceptAsync(transferId, itemIds, actor, queue: false, cancellationToken);
        return decided.Succeeded ? await db.Transfers.AsNoTracking().SingleAsync(t => t.Id == transferId, cancellationToken) : Result<TransferPackage>.Fail(decided.Errors);
    }

    /// <summary>Rejects the whole transfer with a reason; its files move to quarantine, untouched.</summary>
    public async Task<Result<TransferPackage>> RejectAsync(Guid transferId, string reason, string actor, CancellationToken cancellationToken)
    {
        reason = TextNormalizer.Clean(reason)?.Trim() ?? "";
        if (reason.Length == 0)
        {
            return Error.Validation("reason", "退回须写明理由");
        }

        var transfer = await db.Transfers.SingleOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        if (transfer is null)
        {
            return Error.NotFound("移交");
        }

        if (transfer.State != TransferState.Checked)
        {
            return Error.Conflict($"移交处于“{TransferStates.Name(transfer.State)}”状态，不能退回");
        }

        var from = folders.FolderOf(transfer);
        transfer.StoragePath = TransferFolders.QuarantinePathOf(transfer.Id);
        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var now = time.GetUtcNow();
        transfer.State = TransferState.Rejected;
        transfer.Reason = reason;
        transfer.DecidedBy = actor;
        transfer.DecidedAt = now;
        transfer.Version++;
        await db.TransferItems.Where(i => i.TransferId == transferId && i.State != TransferItemState.Ingested)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, TransferItemState.Rejected), cancellationToken);
        db.PreservationEvents.Add(new PreservationEvent
        {
            At = now,
            Type = PreservationEventTypes.Rejection,
            Outcome = PreservationEventTypes.Success,
            Agent = actor,
            Detail = $"退回：{reason}",
            TransferId = transfer.Id,
        });
        tx.Record("transfer.reject", nameof(TransferPackage), transfer.Id.ToString(), $"退回移交“{transfer.Name}”：{reason}", after: new { reason });
        await tx.CommitAsync(cancellationToken);

        // After the commit; a crash in between leaves the files in staging, where FolderOf still finds them.
        MoveFolder(from, folders.QuarantineOf(transfer.Id));
        return transfer;
    }

    /// <summary>Deletes the quarantined files of a rejected or refused transfer (administrators); the transfer and its report stay.</summary>
    public async Task<Result<TransferPackage>> DeleteFilesAsync(Guid transferId, string actor, CancellationToken cancellationToken)
    {
        var transfer = await db.Transfers.SingleOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        if (transfer is null)
        {
            return Error.NotFound("移交");
        }

        if (transfer.State is not (TransferState.Rejected or TransferState.Refused or TransferState.Accepted))
        {
            return Error.Conflict($"移交处于“{TransferStates.Name(transfer.State)}”状态，不能删除其文件");
        }

        var places = folders.CandidateFoldersOf(transfer);
        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        transfer.State = transfer.State == TransferState.Accepted ? TransferState.Accepted : TransferState.Deleted;
        transfer.Version++;
        db.PreservationEvents.Add(new PreservationEvent
        {
            At = time.GetUtcNow(),
            Type = PreservationEventTypes.Deletion,
            Outcome = PreservationEventTypes.Success,
            Agent = actor,
            Detail = "删除隔离区中的移交文件",
            TransferId = transfer.Id,
        });
        tx.Record("transfer.delete-files", nameof(TransferPackage), transfer.Id.ToString(), $"删除移交“{transfer.Name}”隔离区中的文件");
        await tx.CommitAsync(cancellationToken);

        // After the commit: a crash in between leaves files that are deleted again on a second try, never a row that
        // says the files are gone while they are still there.
        foreach (var folder in places.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        return transfer;
    }

    private async Task<Result<Job?>> DecideAcceptAsync(Guid transferId, IReadOnlyList<Guid>? itemIds, string actor, bool queue, CancellationToken cancellationToken)
    {
        var transfer = await db.Transfers.SingleOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        if (transfer is null)
        {
            return Error.NotFound("移交");
        }

        if (transfer.State != TransferState.Checked)
        {
            return Error.Conflict($"移交处于“{TransferStates.Name(transfer.State)}”状态，不能接收");
        }

        var items = await db.TransferItems.Where(i => i.TransferId == transferId).OrderBy(i => i.RowNumber).ToListAsync(cancellationToken);
        var chosen = itemIds is null
            ? items.Where(i => i.State == TransferItemState.Passed).ToList()
            : items.Where(i => itemIds.Contains(i.Id)).ToList();
        var errors = new List<Error>();
        if (itemIds is not null)
        {
            errors.AddRange(itemIds.Except(items.Select(i => i.Id)).Select(id => Error.Validation("itemIds", $"条目 {id} 不属于此移交")));
        }

        errors.AddRange(chosen.Where(i => i.State != TransferItemState.Passed)
            .Select(i => Error.Validation("itemIds", $"第{i.RowNumber}行“{i.ArchivalCode}”未通过四性检测，不能接收")));
        if (errors.Count == 0 && chosen.Count == 0)
        {
            errors.Add(Error.Validation("itemIds", "没有可接收的条目（没有通过检测的条目，或未选择任何条目）"));
        }

        if (errors.Count > 0)
        {
            return Result<Job?>.Fail(errors);
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var chosenIds = chosen.Select(i => i.Id).ToHashSet();
        foreach (var item in items)
        {
            item.State = chosenIds.Contains(item.Id) ? TransferItemState.Accepted : TransferItemState.Rejected;
            if (item.State == TransferItemState.Rejected)
            {
                item.Reason ??= "未选择接收";
            }
        }

        transfer.State = TransferState.Ingesting;
        transfer.DecidedBy = actor;
        transfer.DecidedAt = time.GetUtcNow();
        transfer.Version++;
        tx.Record("transfer.accept", nameof(TransferPackage), transfer.Id.ToString(), $"接收移交“{transfer.Name}”：{chosen.Count}件（共{items.Count}件）",
            after: new { accepted = chosen.Select(i => i.ArchivalCode), rejected = items.Count - chosen.Count });
        await tx.CommitAsync(cancellationToken);
        return queue ? await jobs.EnqueueAsync(IngestJobKind, new TransferIngestJobPayload(transfer.Id), actor, cancellationToken) : (Job?)null;
    }

    private static void MoveFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        Directory.Move(from, to);
    }
}
