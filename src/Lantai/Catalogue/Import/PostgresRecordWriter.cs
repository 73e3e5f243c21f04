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
            cancellationToken.ThrowIfCancellationRequested();

            // The synchronous writes fill Npgsql's buffer and only touch the socket when it is full; the typed
            // overloads skip resolving the converter from the runtime type of an object for every value.
            _copy.StartRow();
            for (var c = 0; c < columns.Count; c++)
            {
                Write(_copy, columns[c].ProviderValue(record), columns[c].DataTypeName);
            }
        }

        await Task.CompletedTask;
    }

    private static void Write(NpgsqlBinaryImporter copy, object? value, string dataTypeName)
    {
        switch (value)
        {
            case null:
                copy.WriteNull();
                break;
            case string s:
                copy.Write(s, dataTypeName);
                break;
            case int i:
                copy.Write(i, dataTypeName);
                break;
            case Guid g:
                copy.Write(g, dataTypeName);
                break;
            case DateOnly d:
                copy.Write(d, dataTypeName);
                break;
            case DateTimeOffset t:
                copy.Write(t, dataTypeName);
                break;
            case bool b:
                copy.Write(b, dataTypeName);
                break;
            default:
                copy.Write(value, dataTypeName);
                break;
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
