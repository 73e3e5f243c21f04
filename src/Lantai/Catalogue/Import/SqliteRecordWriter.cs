using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Lantai.Catalogue.Import;

/// <summary>
/// SQLite: INSERT statements prepared once and re-executed with new parameter values inside the import's transaction.
/// Several rows go into one statement (multi-row VALUES), which halves the per-statement cost in Microsoft.Data.Sqlite;
/// a single-row statement takes the remainder. Parameters are created from EF's type mappings, so Guids, dates and
/// enums are bound exactly as EF binds them.
/// </summary>
internal sealed class SqliteRecordWriter : IRecordWriter
{
    private readonly RecordTable _table;
    private readonly DbCommand _block;
    private readonly DbCommand _single;
    private readonly int _rowsPerBlock;

    public SqliteRecordWriter(DbConnection connection, DbTransaction transaction, RecordTable table, int rowsPerBlock = 16)
    {
        _table = table;
        _rowsPerBlock = rowsPerBlock;
        _block = Prepare(connection, transaction, table, rowsPerBlock);
        _single = Prepare(connection, transaction, table, 1);
    }

    public Task WriteAsync(IReadOnlyList<Record> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var columns = _table.Columns;
        var i = 0;
        // SQLite has no asynchronous I/O: Microsoft.Data.Sqlite's async methods run synchronously, so call the sync ones.
        for (; i + _rowsPerBlock <= records.Count; i += _rowsPerBlock)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parameters = _block.Parameters;
            for (var r = 0; r < _rowsPerBlock; r++)
            {
                Bind(parameters, r * columns.Count, records[i + r]);
            }

            _block.ExecuteNonQuery();
        }

        for (; i < records.Count; i++)
        {
            Bind(_single.Parameters, 0, records[i]);
            _single.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Bind(DbParameterCollection parameters, int offset, Record record)
    {
        var columns = _table.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            parameters[offset + c].Value = columns[c].ProviderValue(record) ?? DBNull.Value;
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, RecordTable table, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder().Append("INSERT INTO ").Append(table.QuotedName).Append(" (").Append(table.QuotedColumnList).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r * table.Columns.Count + c}");
                sql.Append(c == 0 ? "" : ", ").Append(name);
                command.Parameters.Add(table.Columns[c].Mapping.CreateParameter(command, name, null, nullable: true));
            }

            sql.Append(')');
        }

#pragma warning disable CA2100 // Built from the EF model's identifiers and parameter names only, no input.
        command.CommandText = sql.ToString();
#pragma warning restore CA2100
        command.Prepare();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await _block.DisposeAsync();
        await _single.DisposeAsync();
    }
}
