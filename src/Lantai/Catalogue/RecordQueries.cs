using System.Globalization;
using System.Text;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>
/// Lists records with filters, sorting and keyset paging: each page seeks from the last row of the previous one
/// through an index, so page 10,000 costs what page 1 costs at 1,000,000 records (OFFSET would scan).
/// </summary>
public sealed class RecordQueries(LantaiDbContext db)
{
    public const int MaxPageSize = 500;

    public async Task<RecordPage> PageAsync(RecordFilter filter, RecordSort sort, bool descending, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var query = Apply(db.Records.AsNoTracking(), filter, rules);
        Cursor.Position? after = Cursor.TryDecode(cursor, out var position) && Cursor.Fits(sort, position) ? position : null;
        List<Record> rows;
        if (sort == RecordSort.Date)
        {
            rows = await DatePageAsync(query, descending, after, pageSize + 1, cancellationToken);
        }
        else
        {
            if (after is not null)
            {
                query = Seek(query, sort, descending, after);
            }

            rows = await Order(query, sort, descending).Take(pageSize + 1).ToListAsync(cancellationToken);
        }

        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = Cursor.Encode(sort, rows[^1]);
        }

        return new RecordPage(rows, next);
    }

    public async Task<int> CountAsync(RecordFilter filter, CancellationToken cancellationToken)
    {
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        return await Apply(db.Records.AsNoTracking(), filter, rules).CountAsync(cancellationToken);
    }

    /// <summary>
    /// Counts matching records but stops at <paramref name="limit"/>: an exact count of a million rows costs a full scan
    /// on every page view, while "more than 10,000" is all a list page needs to say.
    /// </summary>
    public async Task<int> CountUpToAsync(RecordFilter filter, int limit, CancellationToken cancellationToken)
    {
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var query = Apply(db.Records.AsNoTracking(), filter, rules);
        return await OrderForCount(query, filter).Select(r => r.Id).Take(limit).CountAsync(cancellationToken);
    }

    /// <summary>
    /// Any rows will do for a capped count, but EF wants an order before a row limit. Ordering by the column the filter's
    /// own index starts with costs nothing: pinned to one value by the filter, the databases drop it (a constant such as
    /// ORDER BY (SELECT 1) is not dropped by SQLite and sorts every match).
    /// </summary>
    private static IQueryable<Record> OrderForCount(IQueryable<Record> query, RecordFilter filter)
    {
        if (filter.FondsId is not null)
        {
            return query.OrderBy(r => r.FondsId);
        }

        if (filter.VolumeId is not null)
        {
            return query.OrderBy(r => r.VolumeId);
        }

        if (filter.ImportId is not null)
        {
            return query.OrderBy(r => r.ImportId);
        }

        if (filter.OpenStatus is not null)
        {
            return query.OrderBy(r => r.OpenStatus);
        }

        return filter.Year is not null || filter.YearFrom is not null || filter.YearTo is not null
            ? query.OrderBy(r => r.Year)
            : query.OrderBy(r => r.ArchivalCode);
    }

    /// <summary>The cursor that seeks past <paramref name="row"/> in the given order (the first row's cursor, read in reverse, pages backwards).</summary>
    public static string CursorFor(RecordSort sort, Record row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Cursor.Encode(sort, row);
    }

    /// <summary>True when <paramref name="cursor"/> is one this class wrote for <paramref name="sort"/>; callers refuse anything else (a cursor from outside is hostile).</summary>
    public static bool IsValidCursor(string? cursor, RecordSort sort) =>
        Cursor.TryDecode(cursor, out var position) && Cursor.Fits(sort, position);

    /// <summary>Streams every matching record in archival-code order without holding them in memory (exports).</summary>
    public async IAsyncEnumerable<Record> StreamAsync(RecordFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var query = Apply(db.Records.AsNoTracking(), filter, rules).OrderBy(r => r.ArchivalCode);
        await foreach (var record in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return record;
        }
    }

    public async Task<Record?> GetAsync(RecordId id, int clearance, CancellationToken cancellationToken)
    {
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var visible = rules.VisibleClassifications(clearance);
        return await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && visible.Contains(r.Classification), cancellationToken);
    }

    public static IQueryable<Record> Apply(IQueryable<Record> query, RecordFilter filter, CatalogueRules rules)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(rules);
        var visible = rules.VisibleClassifications(filter.Clearance);
        query = query.Where(r => visible.Contains(r.Classification));
        if (filter.FondsId is { } fondsId)
        {
            query = query.Where(r => r.FondsId == fondsId);
        }

        if (!string.IsNullOrWhiteSpace(filter.FondsCode))
        {
            query = query.Where(r => r.FondsCode == filter.FondsCode);
        }

        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
        {
            query = query.Where(r => r.CategoryCode == filter.CategoryCode);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }

        if (filter.YearFrom is { } from)
        {
            query = query.Where(r => r.Year >= from);
        }

        if (filter.YearTo is { } to)
        {
            query = query.Where(r => r.Year <= to);
        }

        if (!string.IsNullOrWhiteSpace(filter.RetentionCode))
        {
            query = query.Where(r => r.RetentionCode == filter.RetentionCode);
        }

        if (filter.OrgUnitCode is { } org)
        {
            query = query.Where(r => r.OrgUnitCode == org);
        }

        if (filter.OpenStatus is { } status)
        {
            query = query.Where(r => r.OpenStatus == status);
        }

        if (filter.Classification is { } classification)
        {
            query = query.Where(r => r.Classification == classification);
        }

        if (filter.VolumeId is { } volumeId)
        {
            query = query.Where(r => r.VolumeId == volumeId);
        }

        if (filter.ImportId is { } importId)
        {
            query = query.Where(r => r.ImportId == importId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(r => r.Title.Contains(text) || (r.Author != null && r.Author.Contains(text))
                || (r.DocumentNumber != null && r.DocumentNumber.Contains(text)) || r.ArchivalCode.Contains(text));
        }

        return query;
    }

    /// <summary>
    /// Date order: undated records first ascending and last descending, the same on both providers (their NULL orders
    /// differ). Read as two runs — undated by code, dated by (date, code) — each a plain range on a (Date, ArchivalCode)
    /// index, rather than one ORDER BY on "Date IS NOT NULL", which no plain index can serve (a full sort per page).
    /// </summary>
    private static async Task<List<Record>> DatePageAsync(IQueryable<Record> query, bool descending, Cursor.Position? after, int take, CancellationToken cancellationToken)
    {
        var rows = new List<Record>(take);
        var inUndated = after is { Key.Length: 0 };
        var undated = query.Where(r => r.Date == null);
        var dated = query.Where(r => r.Date != null);
#pragma warning disable CA1309 // string.Compare is what EF translates to SQL '<' / '>'; the column collation is byte-wise.
        if (after is not null)
        {
            var code = after.ArchivalCode;
            if (inUndated)
            {
                undated = descending ? undated.Where(r => string.Compare(r.ArchivalCode, code) < 0) : undated.Where(r => string.Compare(r.ArchivalCode, code) > 0);
            }
            else
            {
                DateOnly? date = DateOnly.ParseExact(after.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                // The first bound alone is a range the index can seek to; the second settles ties on the date.
                dated = descending
                    ? dated.Where(r => r.Date <= date && (r.Date < date || string.Compare(r.ArchivalCode, code) < 0))
                    : dated.Where(r => r.Date >= date && (r.Date > date || string.Compare(r.ArchivalCode, code) > 0));
            }
        }
#pragma warning restore CA1309

        var undatedRun = descending ? undated.OrderByDescending(r => r.ArchivalCode) : undated.OrderBy(r => r.ArchivalCode);
        var datedRun = descending ? dated.OrderByDescending(r => r.Date).ThenByDescending(r => r.ArchivalCode) : dated.OrderBy(r => r.Date).ThenBy(r => r.ArchivalCode);
        // Ascending: undated, then dated; descending: dated, then undated. A cursor in the second run skips the first.
        var (first, second, skipFirst) = descending ? (datedRun, undatedRun, inUndated) : (undatedRun, datedRun, after is not null && !inUndated);
        if (!skipFirst)
        {
            rows.AddRange(await first.Take(take).ToListAsync(cancellationToken));
        }

        if (rows.Count < take)
        {
            rows.AddRange(await second.Take(take - rows.Count).ToListAsync(cancellationToken));
        }

        return rows;
    }

    /// <summary>Code and year orders (the date order is read in two runs by <see cref="DatePageAsync"/>).</summary>
    private static IQueryable<Record> Order(IQueryable<Record> query, RecordSort sort, bool descending) => (sort, descending) switch
    {
        (RecordSort.Year, false) => query.OrderBy(r => r.Year).ThenBy(r => r.ArchivalCode),
        (RecordSort.Year, true) => query.OrderByDescending(r => r.Year).ThenByDescending(r => r.ArchivalCode),
        (_, false) => query.OrderBy(r => r.ArchivalCode),
        (_, true) => query.OrderByDescending(r => r.ArchivalCode),
    };

    // string.Compare without a StringComparison is what EF translates to SQL '<' / '>'; the column collation is byte-wise on both providers.
#pragma warning disable CA1309
    private static IQueryable<Record> Seek(IQueryable<Record> query, RecordSort sort, bool descending, Cursor.Position after)
    {
        var code = after.ArchivalCode;
        switch (sort)
        {
            case RecordSort.Year:
                var year = int.Parse(after.Key, NumberStyles.None, CultureInfo.InvariantCulture);
                // The first bound alone is a range an index on (…, Year, ArchivalCode) can seek to (PostgreSQL derives none from the OR).
                return descending
                    ? query.Where(r => r.Year <= year && (r.Year < year || string.Compare(r.ArchivalCode, code) < 0))
                    : query.Where(r => r.Year >= year && (r.Year > year || string.Compare(r.ArchivalCode, code) > 0));
            default:
                return descending
                    ? query.Where(r => string.Compare(r.ArchivalCode, code) < 0)
                    : query.Where(r => string.Compare(r.ArchivalCode, code) > 0);
        }
    }
#pragma warning restore CA1309

    /// <summary>The cursor is the sort key and archival code of the last row shown, base64url-encoded.</summary>
    private static class Cursor
    {
        public sealed record Position(string Key, string ArchivalCode);

        public static string Encode(RecordSort sort, Record last)
        {
            var key = sort switch
            {
                RecordSort.Year => last.Year.ToString(CultureInfo.InvariantCulture),
                RecordSort.Date => last.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                _ => "",
            };
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(key + "\n" + last.ArchivalCode)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        }

        /// <summary>True when the position's key has the shape the sort needs (a year, a date or nothing).</summary>
        public static bool Fits(RecordSort sort, Position position) => sort switch
        {
            RecordSort.Year => int.TryParse(position.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            RecordSort.Date => position.Key.Length == 0 || DateOnly.TryParseExact(position.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => position.Key.Length == 0,
        } && position.ArchivalCode.Length > 0;

        public static bool TryDecode(string? cursor, out Position position)
        {
            position = new Position("", "");
            if (string.IsNullOrEmpty(cursor) || cursor.Length > 400)
            {
                return false;
            }

            try
            {
                var b64 = cursor.Replace('-', '+').Replace('_', '/');
                b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(b64));
                var split = text.IndexOf('\n', StringComparison.Ordinal);
                if (split < 0)
                {
                    return false;
                }

                position = new Position(text[..split], text[(split + 1)..]);
                return true;
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                // A cursor from outside is hostile until checked: a malformed one restarts from the first page.
                return false;
            }
        }
    }
}
