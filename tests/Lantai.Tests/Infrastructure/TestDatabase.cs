using Lantai.Data;
using Npgsql;

namespace Lantai.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test: a SQLite file in a temporary data directory, or a new database on the
/// PostgreSQL server named by LANTAI_TEST_PG (default: the loopback server .ci/run starts). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=lantai;Password=lantai;Database=postgres";

    private readonly string? _pgDatabase;

    private TestDatabase(DatabaseProvider provider, DatabaseOptions options, string? pgDatabase)
    {
        Provider = provider;
        Options = options;
        _pgDatabase = pgDatabase;
    }

    public DatabaseProvider Provider { get; }

    public DatabaseOptions Options { get; }

    public string DataDir => Options.DataDir;

    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("LANTAI_TEST_PG") is { Length: > 0 } cs ? cs : DefaultPostgres;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "lantai-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        string? pgDatabase = null;
        string? connectionString = null;
        if (provider == DatabaseProvider.Postgres)
        {
            pgDatabase = "lantai_t_" + Guid.NewGuid().ToString("N")[..16];
            await using (var admin = new NpgsqlConnection(PostgresAdminConnectionString))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{pgDatabase}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = pgDatabase }.ConnectionString;
        }

        var options = new DatabaseOptions { DataDir = dataDir, PostgresConnectionString = connectionString };
        await using (var db = LantaiDatabase.CreateContext(options))
        {
            await LantaiDatabase.MigrateAsync(db, options, CancellationToken.None);
        }

        return new TestDatabase(provider, options, pgDatabase);
    }

    public LantaiDbContext CreateContext() => LantaiDatabase.CreateContext(Options);

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresAdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection is left for the OS's temp cleanup.
        }
    }
}
