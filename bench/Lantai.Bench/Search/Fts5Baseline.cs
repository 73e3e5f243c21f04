using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Lantai.Bench.Search;

/// <summary>
/// SQLite FTS5 with the trigram tokenizer: one virtual table over the same text. A query word of 3 or more characters
/// is a MATCH phrase (ranked by bm25, top 20); words of 1–2 characters, which a trigram index cannot hold, are
/// LIKE '%word%' on the table (a scan), as FTS5's documentation prescribes.
/// </summary>
internal sealed class Fts5Baseline(string path) : IDisposable
{
    private readonly List<SqliteConnection> _connections = [];

    public string ConnectionString { get; } = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;

    /// <summary>SQLite's version and whether FTS5 with the trigram tokenizer is compiled in.</summary>
    public static (string Version, bool Trigram) Check()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var version = new SqliteCommand("SELECT sqlite_version()", connection);
        var text = (string)version.ExecuteScalar()!;
        try
        {
            using var create = new SqliteCommand("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')", connection);
            create.ExecuteNonQuery();
            return (text, true);
        }
        catch (SqliteException)
        {
            return (text, false);
        }
    }

    public bool IsLoaded(long count)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            using var check = new SqliteCommand("SELECT count(*) FROM docs", connection);
            return (long)check.ExecuteScalar()! == count;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public (TimeSpan Load, long Bytes) Load(IEnumerable<(long Id, string Text)> rows)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var watch = Stopwatch.StartNew();
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            using (var setup = new SqliteCommand("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; CREATE VIRTUAL TABLE docs USING fts5(text, tokenize='trigram')", connection))
            {
                setup.ExecuteNonQuery();
            }

            using var transaction = connection.BeginTransaction();
            using var insert = new SqliteCommand("INSERT INTO docs (rowid, text) VALUES ($id, $text)", connection, transaction);
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var text = insert.Parameters.Add("$text", SqliteType.Text);
            insert.Prepare();
            foreach (var row in rows)
            {
                id.Value = row.Id;
                text.Value = row.Text;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            using var optimize = new SqliteCommand("INSERT INTO docs(docs) VALUES('optimize')", connection);
            optimize.ExecuteNonQuery();
        }

        return (watch.Elapsed, new FileInfo(path).Length);
    }

    public void Open(int workers)
    {
        while (_connections.Count < workers)
        {
            var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            _connections.Add(connection);
        }
    }

    public List<long> Search(int worker, string query, int limit = 20)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var longWords = words.Where(w => w.Length >= 3).ToList();
        var shortWords = words.Where(w => w.Length < 3).ToList();
        var conditions = new List<string>();
        using var command = new SqliteCommand { Connection = _connections[worker] };
        if (longWords.Count > 0)
        {
            conditions.Add("docs MATCH $match");
            command.Parameters.AddWithValue("$match", string.Join(" AND ", longWords.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
        }

        for (var i = 0; i < shortWords.Count; i++)
        {
            conditions.Add(string.Create(CultureInfo.InvariantCulture, $"text LIKE $w{i}"));
            command.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"$w{i}"), "%" + shortWords[i] + "%");
        }

        command.CommandText = $"SELECT rowid FROM docs WHERE {string.Join(" AND ", conditions)}{(longWords.Count > 0 ? " ORDER BY rank" : "")} LIMIT {limit}";
        var ids = new List<long>(limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public void Delete()
    {
        Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        _connections.Clear();
    }
}
