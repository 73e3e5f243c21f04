using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Lantai.Bench.Search;

/// <summary>
/// PostgreSQL with pg_trgm: one table (id, text) holding every field the search box covers, a GIN gin_trgm_ops index on
/// the text, and each query as LIKE '%word%' per word (AND), top 20 — either the first 20 found (the cheapest query
/// PostgreSQL can answer) or ranked by word_similarity (the fair equivalent of a relevance-ranked page).
/// </summary>
internal sealed class PgTrgmBaseline(string adminConnectionString, string database) : IAsyncDisposable
{
    private readonly List<NpgsqlConnection> _connections = [];

    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database, CommandTimeout = 0 }.ConnectionString;

    /// <summary>True when the database already holds <paramref name="count"/> rows with the index (reused between runs).</summary>
    public async Task<bool> IsLoadedAsync(long count)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync() is null)
        {
            return false;
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var check = new NpgsqlCommand("SELECT (SELECT count(*) FROM docs) = $1 AND EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'docs_text_trgm')", connection) { Parameters = { new() { Value = count } } };
        try
        {
            return await check.ExecuteScalarAsync() is true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    /// <summary>Creates the database, COPYs the records in and builds the trigram index; prints both times.</summary>
    public async Task<(TimeSpan Copy, TimeSpan Index, long Bytes)> LoadAsync(IEnumerable<(long Id, string Text)> rows)
    {
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        // The drop ended the pooled connection IsLoadedAsync left open to the old database (a half-loaded one).
        NpgsqlConnection.ClearAllPools();

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE UNLOGGED TABLE docs (id bigint PRIMARY KEY, text text NOT NULL)");
        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY docs (id, text) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, text) in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(text, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        var copied = watch.Elapsed;
        watch.Restart();
        await Execute(connection, "SET maintenance_work_mem = '1GB'; CREATE INDEX docs_text_trgm ON docs USING gin (text gin_trgm_ops); ANALYZE docs");
        var indexed = watch.Elapsed;
        await using var size = new NpgsqlCommand("SELECT pg_total_relation_size('docs')", connection);
        var bytes = (long)(await size.ExecuteScalarAsync())!;
        return (copied, indexed, bytes);
    }

    public async Task OpenAsync(int workers)
    {
        while (_connections.Count < workers)
        {
            var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            _connections.Add(connection);
        }
    }

    /// <summary>The ids of the top <paramref name="limit"/> records for a query.</summary>
    public async Task<List<long>> SearchAsync(int worker, string query, bool ranked, int limit = 20)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var where = string.Join(" AND ", words.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"text LIKE ${i + 1}")));
        var order = ranked ? string.Create(CultureInfo.InvariantCulture, $" ORDER BY word_similarity(${words.Length + 1}, text) DESC, id") : "";
        await using var command = new NpgsqlCommand($"SELECT id FROM docs WHERE {where}{order} LIMIT {limit}", _connections[worker]);
        foreach (var word in words)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = "%" + Escape(word) + "%" });
        }

        if (ranked)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = query });
        }

        var ids = new List<long>(limit);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Drops the benchmark database.</summary>
    public async Task DropAsync()
    {
        await DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        _connections.Clear();
    }

    private static string Escape(string word) => word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
