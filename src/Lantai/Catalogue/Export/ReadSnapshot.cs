using System.Data;
using System.Data.Common;
using Lantai.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lantai.Catalogue.Export;

/// <summary>
/// A read-only snapshot for an export that reads the selection twice (measure the pages, then draw them): both
/// passes see the same rows even while archivists keep working. PostgreSQL: REPEATABLE READ. SQLite: a deferred
/// transaction, which in WAL mode reads one snapshot and, unlike the default BEGIN IMMEDIATE, does not lock writers
/// out. Disposing rolls back (nothing was written) and gives the connection back.
/// </summary>
internal sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly LantaiDbContext? _db;
    private readonly IDbContextTransaction? _transaction;
    private readonly DbTransaction? _sqliteTransaction;

    private ReadSnapshot(LantaiDbContext? db, IDbContextTransaction? transaction, DbTransaction? sqliteTransaction)
    {
        _db = db;
        _transaction = transaction;
        _sqliteTransaction = sqliteTransaction;
    }

    public static async Task<ReadSnapshot> BeginAsync(LantaiDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return new ReadSnapshot(null, null, null); // the caller's transaction already gives one view of the data
        }

        if (db.Database.IsNpgsql())
        {
            return new ReadSnapshot(null, await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken), null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        // EF does not own a transaction it is handed: this snapshot disposes it and closes the connection it opened.
        return new ReadSnapshot(db, await db.Database.UseTransactionAsync(sqlite, cancellationToken), sqlite);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        if (_sqliteTransaction is not null)
        {
            await _sqliteTransaction.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.Database.CloseConnectionAsync();
        }
    }
}
