using Lantai.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantai.Bench.Import;

/// <summary>A fresh, migrated database for one measurement: a SQLite file in its own directory, or a new PostgreSQL database; dropped afterwards.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string? _pgDatabase;

    private BenchDatabase(DatabaseOptions options, string? adminConnectionString, string? pgDatabase)
    {
        Options = options;
        _adminConnectionString = adminConnectionString;
        _pgDatabase = pgDatabase;
    }

    public DatabaseOptions Options { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider, string dir, string adminConnectionString)
    {
        var dataDir = Path.Combine(dir, "db-" + Guid.NewGuid().ToString("N")[..8]);
        string? pgDatabase = null;
        string? connectionString = null;
        if (provider == "PostgreSQL")
        {
            pgDatabase = "lantai_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using var admin = new NpgsqlConnection(adminConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{pgDatabase}\"", admin);
            await create.ExecuteNonQueryAsync();
            connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = pgDatabase }.ConnectionString;
        }

        var options = new DatabaseOptions { DataDir = dataDir, PostgresConnectionString = connectionString };
        await using (var db = LantaiDatabase.CreateContext(options))
        {
            await LantaiDatabase.MigrateAsync(db, options, default);
        }

        return new BenchDatabase(options, adminConnectionString, pgDatabase);
    }

    public LantaiDbContext CreateContext() => LantaiDatabase.CreateContext(Options);

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_adminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(Options.DataDir))
        {
            Directory.Delete(Options.DataDir, recursive: true);
        }
    }
}
