using System.Globalization;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Security;

/// <summary>
/// Reads the audit log newest first with keyset paging on the sequence number (the chain's own order, and the
/// primary key): a page seeks below the last sequence shown, so deep pages cost what the first costs.
/// </summary>
public sealed class AuditQueries(LantaiDbContext db)
{
    public const int MaxPageSize = 500;

    public async Task<AuditPage> PageAsync(AuditFilter filter, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = Apply(Source(filter), filter);
        if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var below))
        {
            query = query.Where(e => e.Sequence < below);
        }

        var rows = await query.OrderByDescending(e => e.Sequence).Take(pageSize + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = rows[^1].Sequence.ToString(CultureInfo.InvariantCulture);
        }

        return new AuditPage(rows, next);
    }

    /// <summary>Every matching entry, newest first, without holding them in memory (CSV export).</summary>
    public IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Apply(Source(filter), filter).OrderByDescending(e => e.Sequence).AsAsyncEnumerable();
    }

    public Task<AuditEntry?> GetAsync(long sequence, CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Sequence == sequence, cancellationToken);

    private static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.Actor == actor);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(e => e.Action.StartsWith(action));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            query = query.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var id = filter.EntityId.Trim();
            query = query.Where(e => e.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(e => e.Summary != null && e.Summary.Contains(text));
        }

        return query;
    }

    /// <summary>The entries within the filter's dates (instants are stored as comparable UTC values on both providers).</summary>
    private IQueryable<AuditEntry> Source(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.From?.ToUniversalTime() is { } fromUtc)
        {
            query = query.Where(e => e.At >= fromUtc);
        }

        if (filter.To?.ToUniversalTime() is { } toUtc)
        {
            query = query.Where(e => e.At < toUtc);
        }

        return query;
    }
}
