using Npgsql;

namespace Lantai.Catalogue.Import;

/// <summary>
/// PostgreSQL: a binary COPY into the Records table inside the import's transaction, kept open across chunks and
/// closed only when other commands must run on the connection (creating a fonds) or at the end.
/// </summary>
internal sealed class PostgresRecordWriter(NpgsqlConnection connection, RecordTable table) : IRecordWriter
{
    private NpgsqlBinaryImporter? _copy;

    public async Task WriteAsync(IReadOnlyList<Record> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        _copy ??= await connection.BeginBinaryImportAsync($"COPY {table.QuotedName} ({table.QuotedColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var columns = table.Columns;
        foreach (var record in records)
        {
            await _copy.StartRowAsync(cancellationToken);
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].ProviderValue(record) is { } value)
                {
                    await _copy.WriteAsync(value, columns[c].DataTypeName, cancellationToken);
                }
                else
                {
                    await _copy.WriteNullAsync(cancellationToken);
                }
            }
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_copy is not null)
        {
            await _copy.CompleteAsync(cancellationToken);
            await _copy.DisposeAsync();
            _copy = null;
        }
    }

    /// <summary>Disposing a COPY that was not completed cancels it (and with it the transaction).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
            _copy = null;
        }
    }
}
