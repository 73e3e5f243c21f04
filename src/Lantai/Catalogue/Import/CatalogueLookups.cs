using System.Data.Common;
using Lantai.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lantai.Catalogue.Import;

/// <summary>
/// Duplicate and numbering lookups against the records already in the database, on a connection of their own so they
/// run beside the bulk writer (and see the committed catalogue, not the rows the import is writing). Batched: one query
/// per few hundred archival codes, one per class (group) the file touches.
/// </summary>
internal sealed class CatalogueLookups : IAsyncDisposable
{
    private const int BatchSize = 500;

    private readonly DbConnection _connection;
    private readonly bool _postgres;
    private readonly string _table;
    private readonly string _code;
    private readonly string _group;
    private readonly string _item;
    private DbCommand? _codesCommand;

    private CatalogueLookups(DbConnection connection, bool postgres, RecordTable table)
    {
        _connection = connection;
        _postgres = postgres;
        _table = table.QuotedName;
        _code = table.Column(nameof(Record.ArchivalCode)).QuotedName;
        _group = table.Column(nameof(Record.GroupKey)).QuotedName;
        _item = table.Column(nameof(Record.ItemNumber)).QuotedName;
    }

    /// <summary>False when the catalogue held no record when the import started: nothing to look up then.</summary>
    public bool CatalogueHasRecords { get; private set; }

    public static async Task<CatalogueLookups> OpenAsync(LantaiDbContext db, RecordTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The context has no connection string.");
        var postgres = db.Database.IsNpgsql();
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        var lookups = new CatalogueLookups(connection, postgres, table);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var any = lookups.Command($"SELECT EXISTS (SELECT 1 FROM {lookups._table})");
            lookups.CatalogueHasRecords = Convert.ToBoolean(await any.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return lookups;
        }
        catch
        {
            await lookups.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many records the class already holds and its highest item number.</summary>
    public async Task<(int Count, int Max)> GroupAsync(string groupKey, CancellationToken cancellationToken)
    {
        if (!CatalogueHasRecords)
        {
            return (0, 0);
        }

        await using var command = Command($"SELECT COUNT(*), COALESCE(MAX({_item}), 0) FROM {_table} WHERE {_group} = @g");
        Add(command, "@g", groupKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The archival codes of <paramref name="codes"/> that the catalogue already has.</summary>
    public async Task<HashSet<string>> ExistingCodesAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (!CatalogueHasRecords)
        {
            return found;
        }

        for (var start = 0; start < codes.Count; start += BatchSize)
        {
            var batch = codes.Skip(start).Take(BatchSize).ToArray();
            if (_postgres)
            {
                await using var command = Command($"SELECT {_code} FROM {_table} WHERE {_code} = ANY(@codes)");
                Add(command, "@codes", batch);
                await ReadStringsAsync(command, found, cancellationToken);
            }
            else
            {
                // One prepared statement with a fixed number of parameters; unused ones are NULL, which IN never matches.
                _codesCommand ??= PrepareSqliteIn($"SELECT {_code} FROM {_table} WHERE {_code} IN ", BatchSize);
                for (var i = 0; i < BatchSize; i++)
                {
                    _codesCommand.Parameters[i].Value = i < batch.Length ? batch[i] : DBNull.Value;
                }

                await ReadStringsAsync(_codesCommand, found, cancellationToken);
            }
        }

        return found;
    }

    /// <summary>The item numbers of <paramref name="items"/> that the class already has.</summary>
    public async Task<HashSet<int>> ExistingItemsAsync(string groupKey, IReadOnlyList<int> items, CancellationToken cancellationToken)
    {
        var found = new HashSet<int>();
        for (var start = 0; start < items.Count; start += BatchSize)
        {
            var batch = items.Skip(start).Take(BatchSize).ToArray();
            DbCommand command;
            if (_postgres)
            {
                command = Command($"SELECT {_item} FROM {_table} WHERE {_group} = @g AND {_item} = ANY(@items)");
                Add(command, "@items", batch);
            }
            else
            {
                command = Command($"SELECT {_item} FROM {_table} WHERE {_group} = @g AND {_item} IN ({string.Join(", ", batch)})");
            }

            await using (command)
            {
                Add(command, "@g", groupKey);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return found;
    }

    private DbCommand PrepareSqliteIn(string prefix, int count)
    {
        var names = Enumerable.Range(0, count).Select(i => "@c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var command = Command(prefix + "(" + string.Join(", ", names) + ")");
        foreach (var name in names)
        {
            Add(command, name, DBNull.Value);
        }

        command.Prepare();
        return command;
    }

    private static async Task ReadStringsAsync(DbCommand command, HashSet<string> into, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into.Add(reader.GetString(0));
        }
    }

    private DbCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
#pragma warning disable CA2100 // Identifiers come from the EF model, values are parameters (item numbers are ints).
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public async ValueTask DisposeAsync()
    {
        if (_codesCommand is not null)
        {
            await _codesCommand.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }
}
