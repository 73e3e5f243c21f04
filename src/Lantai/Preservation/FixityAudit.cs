using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lantai.Data;
using Lantai.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lantai.Preservation;

/// <summary>
/// Recomputes SM3 and SHA-256 of every stored object, in SM3 order from a cursor, and records each result: a fixity
/// check event, the object's last check, and an alert (plus an error in the log) for a mismatch or a missing file.
/// Results are written in small transactions together with the cursor, so an interrupted audit resumes where it
/// stopped and never counts an object twice. Used by the background job and, in the foreground, by `lantai audit fixity`.
/// </summary>
public sealed partial class FixityAudit(LantaiDbContext db, ObjectStore store, TimeProvider time, ILogger<FixityAudit> logger)
{
    /// <summary>The agent of the events the audit writes.</summary>
    public const string Agent = "Lantai";

    private const int PageSize = 256;
    private const int FlushEvery = 64;
    private const long FlushBytes = 1L << 30;
    private const int MaxFailuresListed = 1000;

    /// <param name="start">Where to begin: <see cref="FixityAuditState.Start"/>, or the state stored by an interrupted run.</param>
    /// <param name="megabytesPerSecond">Read rate; 0 = unthrottled.</param>
    /// <param name="jobId">The job whose Output keeps the cursor; null in the foreground (nothing to resume).</param>
    public async Task<FixityAuditSummary> RunAsync(FixityAuditState start, double megabytesPerSecond, Guid? jobId, IProgress<FixityAuditProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var clock = Stopwatch.StartNew();
        var throttle = new ReadThrottle(megabytesPerSecond, time);
        var total = start.Checked + await Remaining(start.After).LongCountAsync(cancellationToken);
        var state = start;
        var failures = new List<FixityFailure>();
        var found = new List<(StoredObject Object, FixityVerification Verification)>();
        long pendingBytes = 0;
        progress?.Report(new FixityAuditProgress(state.Checked, total, state.Bytes));

        while (true)
        {
            var page = await Remaining(state.After).AsNoTracking().OrderBy(o => o.Sm3).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var stored in page)
            {
                var verification = await store.CheckAsync(stored, throttle, cancellationToken);
                found.Add((stored, verification));
                pendingBytes += verification.Found?.Length ?? 0;
                if (found.Count >= FlushEvery || pendingBytes >= FlushBytes)
                {
                    state = await FlushAsync(found, state, jobId, failures, cancellationToken);
                    pendingBytes = 0;
                    progress?.Report(new FixityAuditProgress(state.Checked, total, state.Bytes));
                }
            }

            state = await FlushAsync(found, state, jobId, failures, cancellationToken);
            pendingBytes = 0;
            progress?.Report(new FixityAuditProgress(state.Checked, total, state.Bytes));
        }

        LogFinished(state.Checked, state.Mismatched, state.Missing);
        return new FixityAuditSummary(state, failures, clock.Elapsed);
    }

    private IQueryable<StoredObject> Remaining(string? after) =>
        after is null ? db.StoredObjects : db.StoredObjects.Where(o => o.Sm3.CompareTo(after) > 0);

    private async Task<FixityAuditState> FlushAsync(List<(StoredObject Object, FixityVerification Verification)> found, FixityAuditState state, Guid? jobId, List<FixityFailure> failures, CancellationToken cancellationToken)
    {
        if (found.Count == 0)
        {
            return state;
        }

        var now = time.GetUtcNow();
        var next = state;
        var newAlerts = new List<PreservationAlert>();
        foreach (var (stored, verification) in found)
        {
            var outcome = verification.Outcome;
            db.StoredObjects.Attach(stored);
            stored.LastCheckedAt = now;
            stored.LastOutcome = outcome;
            db.PreservationEvents.Add(new PreservationEvent
            {
                At = now,
                Type = PreservationEventTypes.FixityCheck,
                Outcome = outcome == FixityOutcome.Intact ? PreservationEventTypes.Success : PreservationEventTypes.Failure,
                Agent = Agent,
                Detail = Describe(stored, verification),
                ObjectSm3 = stored.Sm3,
            });
            next = next with
            {
                After = stored.Sm3,
                Checked = next.Checked + 1,
                Intact = next.Intact + (outcome == FixityOutcome.Intact ? 1 : 0),
                Mismatched = next.Mismatched + (outcome == FixityOutcome.Mismatch ? 1 : 0),
                Missing = next.Missing + (outcome == FixityOutcome.Missing ? 1 : 0),
                Bytes = next.Bytes + (verification.Found?.Length ?? 0),
            };
            if (outcome != FixityOutcome.Intact)
            {
                LogFailure(stored.Sm3, outcome);
                if (failures.Count < MaxFailuresListed)
                {
                    failures.Add(new FixityFailure(stored.Sm3, outcome));
                }

                newAlerts.Add(new PreservationAlert { At = now, ObjectSm3 = stored.Sm3, Outcome = outcome, Message = "" });
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var alert in newAlerts)
        {
            // One open alert per object and finding: a damaged object found again each month is not a new problem.
            var open = await db.PreservationAlerts.AnyAsync(a => a.ObjectSm3 == alert.ObjectSm3 && a.Outcome == alert.Outcome && a.AcknowledgedAt == null, cancellationToken);
            if (!open)
            {
                alert.Message = await AlertMessageAsync(alert, found.First(f => f.Object.Sm3 == alert.ObjectSm3).Verification, cancellationToken);
                db.PreservationAlerts.Add(alert);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (jobId is { } id)
        {
            var cursor = JsonSerializer.Serialize(next, JobJson.Options);
            await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Output, cursor), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        found.Clear();
        return next;
    }

    private static string Describe(StoredObject stored, FixityVerification verification) => verification switch
    {
        { Outcome: FixityOutcome.Missing } => "存储中找不到该对象的文件",
        { Outcome: FixityOutcome.Intact, Found: { } f } => string.Create(CultureInfo.InvariantCulture, $"SM3 {f.Sm3}，SHA-256 {f.Sha256}，{f.Length} 字节，与入库时一致"),
        { Found: { } f } => string.Create(CultureInfo.InvariantCulture,
            $"摘要不一致：入库时 SM3 {stored.Sm3}，SHA-256 {stored.Sha256}，{stored.Length} 字节；现为 SM3 {f.Sm3}，SHA-256 {f.Sha256}，{f.Length} 字节"),
        _ => "",
    };

    private async Task<string> AlertMessageAsync(PreservationAlert alert, FixityVerification verification, CancellationToken cancellationToken)
    {
        var codes = await db.RecordFiles.Where(f => f.ObjectSm3 == alert.ObjectSm3)
            .Join(db.Records, f => f.RecordId, r => r.Id, (f, r) => r.ArchivalCode)
            .Distinct().OrderBy(c => c).Take(6).ToListAsync(cancellationToken);
        var what = alert.Outcome == FixityOutcome.Missing ? "文件丢失" : "内容已改变（摘要不一致）";
        var holders = codes.Count == 0 ? "未关联档案" : "涉及档案 " + string.Join("、", codes.Take(5)) + (codes.Count > 5 ? " 等" : "");
        var found = verification.Found is { } f ? $"；现 SM3 {f.Sm3}" : "";
        return $"保存对象 {alert.ObjectSm3} {what}，{holders}{found}。请从备份恢复该文件。";
    }

    // Only digests and counts: the log never names records or people.
    [LoggerMessage(Level = LogLevel.Error, Message = "Fixity check failed for object {Sm3}: {Outcome}")]
    private partial void LogFailure(string sm3, FixityOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fixity audit finished: {Checked} object(s) checked, {Mismatched} mismatched, {Missing} missing")]
    private partial void LogFinished(long @checked, long mismatched, long missing);
}
