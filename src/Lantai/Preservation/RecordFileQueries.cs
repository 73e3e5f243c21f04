using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Preservation;

/// <summary>A record's files (with their stored SHA-256) and its preservation events, for the record page, the API and the CLI.</summary>
public sealed class RecordFileQueries(LantaiDbContext db)
{
    public async Task<IReadOnlyList<(RecordFile File, string? Sha256)>> FilesAsync(RecordId recordId, CancellationToken cancellationToken)
    {
        var rows = await (
            from f in db.RecordFiles.AsNoTracking()
            where f.RecordId == recordId
            join o in db.StoredObjects.AsNoTracking() on f.ObjectSm3 equals o.Sm3 into objects
            from o in objects.DefaultIfEmpty()
            orderby f.Sequence
            select new { File = f, Sha256 = o == null ? null : o.Sha256 }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.File, r.Sha256))];
    }

    /// <summary>
    /// Events of the record, of its objects (fixity audits: not the events of another record that holds the same
    /// bytes) and of the transfer it came in (those not about another record), oldest first.
    /// </summary>
    public async Task<IReadOnlyList<PreservationEvent>> EventsAsync(RecordId recordId, CancellationToken cancellationToken)
    {
        var files = await db.RecordFiles.AsNoTracking().Where(f => f.RecordId == recordId)
            .Select(f => new { f.ObjectSm3, f.TransferId }).ToListAsync(cancellationToken);
        var sm3s = files.Select(f => f.ObjectSm3).Distinct(StringComparer.Ordinal).ToList();
        var transferIds = files.Where(f => f.TransferId != null).Select(f => f.TransferId!.Value).Distinct().ToList();
        var events = await db.PreservationEvents.AsNoTracking()
            .Where(e => e.RecordId == recordId
                || (e.RecordId == null && e.ObjectSm3 != null && sm3s.Contains(e.ObjectSm3))
                || (e.TransferId != null && transferIds.Contains(e.TransferId.Value) && e.RecordId == null && e.ObjectSm3 == null))
            .ToListAsync(cancellationToken);
        return [.. events.OrderBy(e => e.At).ThenBy(e => e.Id)];
    }
}
