using System.Collections.Concurrent;
using System.Globalization;
using Lantai.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using SQLitePCL;

namespace Lantai.Transfer;

/// <summary>
/// Inserts new rows of any mapped entity inside the open transaction by the provider's fastest path, as the catalogue
/// import does for records (DESIGN.md §3: bulk loads with binary COPY): on SQLite one INSERT prepared once per call
/// and re-executed per row through SQLitePCL on the connection's own handle, on PostgreSQL a binary COPY. Columns,
/// names, type mappings and value converters come from the EF model, so the rows are the ones EF would write (a test
/// compares them). EF change tracking costs more per row than the database's own work for the ingest's ~3,000 rows per
/// batch. Store-generated keys (the outbox's identity) are left to the database; the entities do not learn them.
/// </summary>
internal static class BulkRows
{
    private static readonly ConcurrentDictionary<(Type Context, Type Entity), Table> Tables = new();

    public static async Task InsertAsync<T>(LantaiDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var table = Tables.GetOrAdd((db.GetType(), typeof(T)), key => Table.For(db, key.Entity));
        switch (db.Database.GetDbConnection())
        {
            case SqliteConnection sqlite:
                InsertSqlite(sqlite, table, rows, cancellationToken);
                break;
            case NpgsqlConnection npgsql:
                await InsertPostgresAsync(npgsql, table, rows, cancellationToken);
                break;
            default:
                db.Set<T>().AddRange(rows); // another provider: EF's own path
                await db.SaveChangesAsync(cancellationToken);
                break;
        }
    }

    private static void InsertSqlite<T>(SqliteConnection connection, Table table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var sql = $"INSERT INTO {table.QuotedName} ({table.QuotedColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var insert);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        using (insert)
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    rc = Bind(insert, c + 1, table.Columns[c].ProviderValue(row));
                    if (rc != raw.SQLITE_OK)
                    {
                        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
                    }
                }

                rc = raw.sqlite3_step(insert);
                raw.sqlite3_reset(insert);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, connection.Handle);
                }
            }
        }
    }

    /// <summary>Binds as Microsoft.Data.Sqlite binds EF's provider values (Guid as upper-case text, DateOnly as yyyy-MM-dd).</summary>
    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string s => raw.sqlite3_bind_text16(statement, index, s),
        int i => raw.sqlite3_bind_int64(statement, index, i),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        double f => raw.sqlite3_bind_double(statement, index, f),
        Guid g => raw.sqlite3_bind_text16(statement, index, g.ToString().ToUpperInvariant()),
        DateOnly d => raw.sqlite3_bind_text16(statement, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        DateTimeOffset t => raw.sqlite3_bind_text16(statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"{nameof(BulkRows)} cannot bind a {value.GetType().Name}."),
    };

    private static async Task InsertPostgresAsync<T>(NpgsqlConnection connection, Table table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table.QuotedName} ({table.QuotedColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Synchronous writes fill Npgsql's buffer and touch the socket only when it is full (as the catalogue import).
            copy.StartRow();
            foreach (var column in table.Columns)
            {
                if (column.ProviderValue(row) is { } value)
                {
                    copy.Write(value, column.DataTypeName);
                }
                else
                {
                    copy.WriteNull();
                }
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private sealed class Table(string quotedName, IReadOnlyList<Column> columns)
    {
        public string QuotedName { get; } = quotedName;

        public IReadOnlyList<Column> Columns { get; } = columns;

        public string QuotedColumnList { get; } = string.Join(", ", columns.Select(c => c.QuotedName));

        public static Table For(LantaiDbContext db, Type clrType)
        {
            var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = new List<Column>();
            foreach (var property in entity.GetProperties())
            {
                if (property.IsShadowProperty())
                {
                    throw new InvalidOperationException($"{clrType.Name}.{property.Name} is a shadow property; {nameof(BulkRows)} cannot fill it.");
                }

                // A key the database generates (an identity column) is left to it.
                if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType is var t && (t == typeof(long) || t == typeof(int)))
                {
                    continue;
                }

                var name = property.GetColumnName(table) ?? throw new InvalidOperationException($"{clrType.Name}.{property.Name} has no column.");
                columns.Add(new Column(property, sql.DelimitIdentifier(name), property.GetRelationalTypeMapping()));
            }

            return new Table(sql.DelimitIdentifier(table.Name, table.Schema), columns);
        }
    }

    private sealed class Column(IProperty property, string quotedName, RelationalTypeMapping mapping)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly ValueConverter? _converter = mapping.Converter;

        public string QuotedName { get; } = quotedName;

        /// <summary>The store type without facets ("character varying", "uuid"), the data type name for a binary COPY.</summary>
        public string DataTypeName { get; } = mapping.StoreTypeNameBase;

        public object? ProviderValue(object entity)
        {
            var value = _getter.GetClrValueUsingContainingEntity(entity);
            return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
        }
    }
}
