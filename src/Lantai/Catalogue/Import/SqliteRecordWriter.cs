using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lantai.Catalogue.Import;

/// <summary>
/// SQLite: one INSERT prepared once and re-executed for every row, on the connection and inside the transaction of the
/// import. The statement is driven through SQLitePCL (bind by index, step, reset) on the connection's own handle:
/// Microsoft.Data.Sqlite's command object looks every parameter up by name and builds a data reader per execution,
/// which costs more than SQLite's own work on a table with eight indexes (measured; see docs/benchmarks.md).
/// Values are bound exactly as Microsoft.Data.Sqlite binds EF's provider values (Guid as upper-case text, DateOnly as
/// yyyy-MM-dd, DateTimeOffset through the model's converter (UTC ticks), bool and enums as integers); a test compares the
/// stored bytes with a row EF wrote, so a change of either is caught.
/// </summary>
internal sealed class SqliteRecordWriter : IRecordWriter
{
    private readonly SqliteConnection _connection;
    private readonly RecordTable _table;
    private readonly sqlite3_stmt _insert;
    private readonly object?[] _lastValue;
    private readonly string?[] _lastText;

    public SqliteRecordWriter(SqliteConnection connection, RecordTable table)
    {
        _connection = connection;
        _table = table;
        var sql = $"INSERT INTO {table.QuotedName} ({table.QuotedColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out _insert);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        _lastValue = new object?[table.Columns.Count + 1];
        _lastText = new string?[table.Columns.Count + 1];
    }

    public Task WriteAsync(IReadOnlyList<Record> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var columns = _table.Columns;
        // SQLite has no asynchronous I/O; the statement runs synchronously, like Microsoft.Data.Sqlite's async methods do.
        foreach (var record in records)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                Bind(c + 1, columns[c].ProviderValue(record));
            }

            var rc = raw.sqlite3_step(_insert);
            raw.sqlite3_reset(_insert);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_insert, index),
            string s => raw.sqlite3_bind_text16(_insert, index, s),
            int i => raw.sqlite3_bind_int64(_insert, index, i),
            long l => raw.sqlite3_bind_int64(_insert, index, l),
            bool b => raw.sqlite3_bind_int64(_insert, index, b ? 1 : 0),
            Guid or DateOnly or DateTimeOffset => raw.sqlite3_bind_text16(_insert, index, Text(index, value)),
            double f => raw.sqlite3_bind_double(_insert, index, f),
            _ => throw new NotSupportedException($"The bulk import cannot bind a {value.GetType().Name}; add it to {nameof(SqliteRecordWriter)}."),
        };
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }

    /// <summary>The text Microsoft.Data.Sqlite binds for these types; the last one per column is reused (import id, fonds, timestamps repeat).</summary>
    private string Text(int index, object value)
    {
        if (_lastText[index] is { } cached && value.Equals(_lastValue[index]))
        {
            return cached;
        }

        var text = value switch
        {
            Guid g => g.ToString().ToUpperInvariant(),
            DateOnly d => d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
            _ => throw new NotSupportedException(value.GetType().Name),
        };
        _lastValue[index] = value;
        _lastText[index] = text;
        return text;
    }

    public ValueTask DisposeAsync()
    {
        _insert.Dispose();
        return ValueTask.CompletedTask;
    }
}
