using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using SQLitePCL;

namespace Lantai.Data;

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

    /// <summary>
    /// Writes <paramref name="properties"/> of existing rows (found by their primary key) inside the open transaction:
    /// one UPDATE prepared once on SQLite, a binary COPY into a temporary table and one UPDATE … FROM on PostgreSQL.
    /// </summary>
    public static async Task UpdateAsync<T>(LantaiDbContext db, IReadOnlyCollection<T> rows, IReadOnlyList<string> properties, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(properties);
        if (rows.Count == 0)
        {
            return;
        }

        var table = Tables.GetOrAdd((db.GetType(), typeof(T)), key => Table.For(db, key.Entity));
        var key = table.Key;
        var set = properties.Select(p => table.Columns.Single(c => c.PropertyName == p)).ToList();
        switch (db.Database.GetDbConnection())
        {
            case SqliteConnection sqlite:
                {
                    var sql = $"UPDATE {table.QuotedName} SET {string.Join(", ", set.Select((c, i) => $"{c.QuotedName} = ?{(i + 1).ToString(CultureInfo.InvariantCulture)}"))} WHERE {key.QuotedName} = ?{(set.Count + 1).ToString(CultureInfo.InvariantCulture)}";
                    Execute(sqlite, sql, [.. set, key], rows, cancellationToken);
                    break;
                }

            case NpgsqlConnection npgsql:
                {
                    var columns = new List<Column> { key };
                    columns.AddRange(set);
                    var list = string.Join(", ", columns.Select(c => c.QuotedName));
                    await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE lantai_bulk_update ON COMMIT DROP AS SELECT {list} FROM {table.QuotedName} WITH NO DATA", npgsql))
                    {
                        await create.ExecuteNonQueryAsync(cancellationToken);
                    }

                    await CopyAsync(npgsql, "lantai_bulk_update", list, columns, rows, cancellationToken);
                    var assignments = string.Join(", ", set.Select(c => $"{c.QuotedName} = u.{c.QuotedName}"));
                    await using var update = new NpgsqlCommand(
                        $"UPDATE {table.QuotedName} AS t SET {assignments} FROM lantai_bulk_update AS u WHERE t.{key.QuotedName} = u.{key.QuotedName}; DROP TABLE lantai_bulk_update", npgsql);
                    await update.ExecuteNonQueryAsync(cancellationToken);
                    break;
                }

            default:
                db.Set<T>().AttachRange(rows); // another provider: EF's own path
                foreach (var row in rows)
                {
                    foreach (var property in properties)
                    {
                        db.Entry(row).Property(property).IsModified = true;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                break;
        }
    }

    private static void InsertSqlite<T>(SqliteConnection connection, Table table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var sql = $"INSERT INTO {table.QuotedName} ({table.QuotedColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
        Execute(connection, sql, table.Columns, rows, cancellationToken);
    }

    /// <summary>Prepares <paramref name="sql"/> once and runs it for each row, its parameters bound from <paramref name="columns"/> in order.</summary>
    private static void Execute<T>(SqliteConnection connection, string sql, IReadOnlyList<Column> columns, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var insert);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        using (insert)
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var c = 0; c < columns.Count; c++)
                {
                    rc = Bind(insert, c + 1, columns[c].ProviderValue(row));
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
        await CopyAsync(connection, table.QuotedName, table.QuotedColumnList, table.Columns, rows, cancellationToken);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string quotedTable, string quotedColumnList, IReadOnlyList<Column> columns, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {quotedTable} ({quotedColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Synchronous writes fill Npgsql's buffer and touch the socket only when it is full (as the catalogue import).
            copy.StartRow();
            foreach (var column in columns)
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

    private sealed class Table(string quotedName, IReadOnlyList<Column> columns, Column? key)
    {
        public string QuotedName { get; } = quotedName;

        public IReadOnlyList<Column> Columns { get; } = columns;

        /// <summary>The single-column primary key, when the table has one that the application sets.</summary>
        public Column Key => key ?? throw new InvalidOperationException($"{QuotedName} has no single-column key {nameof(BulkRows)} can update by.");

        public string QuotedColumnList { get; } = string.Join(", ", columns.Select(c => c.QuotedName));

        public static Table For(LantaiDbContext db, Type clrType)
        {
            var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = new List<Column>();
            Column? key = null;
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
                var column = new Column(property, sql.DelimitIdentifier(name), property.GetRelationalTypeMapping());
                columns.Add(column);
                if (property.IsPrimaryKey() && entity.FindPrimaryKey()!.Properties.Count == 1)
                {
                    key = column;
                }
            }

            return new Table(sql.DelimitIdentifier(table.Name, table.Schema), columns, key);
        }
    }

    private sealed class Column(IProperty property, string quotedName, RelationalTypeMapping mapping)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly ValueConverter? _converter = mapping.Converter;

        public string QuotedName { get; } = quotedName;

        public string PropertyName => property.Name;

        /// <summary>The store type without facets ("character varying", "uuid"), the data type name for a binary COPY.</summary>
        public string DataTypeName { get; } = mapping.StoreTypeNameBase;

        public object? ProviderValue(object entity)
        {
            var value = _getter.GetClrValueUsingContainingEntity(entity);
            return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
        }
    }
}
