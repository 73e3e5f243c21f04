using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Preservation;

/// <summary>The fixity alerts people see on the dashboard and the alerts page, and their acknowledgement (audited).</summary>
public sealed class PreservationAlerts(LantaiDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<PreservationAlert>> ListAsync(bool includeAcknowledged, CancellationToken cancellationToken)
    {
        var query = db.PreservationAlerts.AsNoTracking();
        if (!includeAcknowledged)
        {
            query = query.Where(a => a.AcknowledgedAt == null);
        }

        // Open ones first, newest first (times are stored as UTC ticks on SQLite, so they order in the database).
        return await query.OrderBy(a => a.AcknowledgedAt != null).ThenByDescending(a => a.At).Take(1000).ToListAsync(cancellationToken);
    }

    public Task<int> CountOpenAsync(CancellationToken cancellationToken) =>
        db.PreservationAlerts.CountAsync(a => a.AcknowledgedAt == null, cancellationToken);

    /// <summary>Marks an alert as seen by a person (the object itself stays as it is; restoring it is a separate task).</summary>
    public async Task<Result<PreservationAlert>> AcknowledgeAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var alert = await db.PreservationAlerts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return Error.NotFound("保存告警");
        }

        if (alert.AcknowledgedAt is not null)
        {
            return alert;
        }

        alert.AcknowledgedAt = time.GetUtcNow();
        alert.AcknowledgedBy = actor;
        tx.Record("preservation.alert.acknowledge", "PreservationAlert", alert.Id.ToString(), "确认保存告警：对象 " + alert.ObjectSm3,
            new { acknowledged = false }, new { acknowledged = true });
        await tx.CommitAsync(cancellationToken);
        return alert;
    }
}
