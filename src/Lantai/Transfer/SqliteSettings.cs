using System.Data.Common;
using System.Globalization;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Transfer;

/// <summary>
/// A larger page cache on the ingest's SQLite connection while it writes its batches, set back afterwards (the
/// connection returns to the pool). A batch of 256 records dirties ~1,500 pages spread over the indexes by their random
/// keys: with SQLite's default 2 MB cache most of them were read again from the WAL or the file during the batch, and
/// some were written to the WAL before the commit and again at it (3,000 files: 33,000 preads and 26,700 pwrites
/// against 22,100 and 23,700 with this cache). Only memory: the same rows, the same WAL commits fsynced
/// (synchronous=FULL), the same checkpoints.
/// </summary>
internal sealed class SqliteSettings
{
    /// <summary>A 16 MiB page cache (a negative cache_size is in KiB): 64 MiB saved ~1,300 more reads per 3,000 files for ~50 MB more memory.</summary>
    private const int CacheKib = 16 << 10;

    private readonly DbConnection? _connection;
    private readonly LantaiDbContext? _db;
    private readonly string _restore = "";

    private SqliteSettings()
    {
    }

    private SqliteSettings(LantaiDbContext db, DbConnection connection, string restore)
    {
        _db = db;
        _connection = connection;
        _restore = restore;
    }

    /// <summary>Opens the context's connection for the ingest (SQLite only) and widens its settings; elsewhere nothing.</summary>
    public static async Task<SqliteSettings> WidenAsync(LantaiDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return new SqliteSettings();
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var cache = await ScalarAsync(connection, "PRAGMA cache_size", cancellationToken);
        await ExecuteAsync(connection, FormattableString.Invariant($"PRAGMA cache_size=-{CacheKib};"), cancellationToken);
        return new SqliteSettings(db, connection, FormattableString.Invariant($"PRAGMA cache_size={cache};"));
    }

    /// <summary>The connection's settings as they were, and the connection closed (back to the pool).</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            await ExecuteAsync(_connection, _restore, cancellationToken);
        }
        finally
        {
            await _db!.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
