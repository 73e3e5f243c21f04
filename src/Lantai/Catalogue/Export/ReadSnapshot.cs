using System.Data;
using Lantai.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lantai.Catalogue.Export;

/// <summary>
/// A read-only snapshot for an export that reads the selection twice (count the pages, then draw them): both passes
/// see the same rows even while archivists keep working. PostgreSQL: REPEATABLE READ. SQLite: a deferred transaction,
/// which in WAL mode reads one snapshot and, unlike the default BEGIN IMMEDIATE, does not lock writers out.
/// </summary>
internal static class ReadSnapshot
{
    public static async Task<IDbContextTransaction?> BeginAsync(LantaiDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return null; // the caller's transaction already gives one view of the data
        }

        if (db.Database.IsNpgsql())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = connection.BeginTransaction(deferred: true);
        return await db.Database.UseTransactionAsync(transaction, cancellationToken);
    }
}
