using System.Diagnostics;
using System.Globalization;
using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lantai.Bench.Search;

/// <summary>
/// A catalogue of N records in a real, migrated Lantai database (SQLite file or PostgreSQL database) for the rebuild
/// benchmark: the search corpus's records (<see cref="SearchCorpus"/>), with 20 fonds and their org units, written
/// by <see cref="BulkRows"/> (prepared INSERT / binary COPY) in chunks — the fast path, not the import's checks. Kept
/// under the bench folder (SQLite) or as lantai_bench_rebuild_N (PostgreSQL) so the next run reuses it.
/// </summary>
internal sealed class RebuildDatabase
{
    private const int Chunk = 50_000;

    private RebuildDatabase(string provider, DatabaseOptions options, string? adminConnectionString, string? pgDatabase)
    {
        Provider = provider;
        Options = options;
        _admin = adminConnectionString;
        _pgDatabase = pgDatabase;
    }

    private readonly string? _admin;
    private readonly string? _pgDatabase;

    public string Provider { get; }

    public DatabaseOptions Options { get; }

    public static string PgName(long records) => string.Create(CultureInfo.InvariantCulture, $"lantai_bench_rebuild_{records}");

    /// <summary>Opens the catalogue of <paramref name="records"/> records, creating and loading it when it is not there (or incomplete).</summary>
    /// <param name="lean">Drop the Records table's secondary indexes before loading (the rebuild reads by primary key only): a 10,000,000-record load in minutes instead of most of an hour.</param>
    public static async Task<RebuildDatabase> OpenAsync(bool postgres, string dir, string adminConnectionString, long records, bool lean = false)
    {
        var dataDir = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"rebuild-{(postgres ? "pg" : "sqlite")}-{records}"));
        string? pgDatabase = null;
        string? connectionString = null;
        if (postgres)
        {
            pgDatabase = PgName(records);
            connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = pgDatabase, CommandTimeout = 0 }.ConnectionString;
        }

        var database = new RebuildDatabase(postgres ? "PostgreSQL" : "SQLite", new DatabaseOptions { DataDir = dataDir, PostgresConnectionString = connectionString }, adminConnectionString, pgDatabase);
        if (await database.CountAsync() != records)
        {
            await database.DropAsync();
            await database.LoadAsync(records, lean);
        }

        return database;
    }

    private async Task<long> CountAsync()
    {
        try
        {
            if (_pgDatabase is null && !File.Exists(Options.SqlitePath))
            {
                return -1;
            }

            await using var db = LantaiDatabase.CreateContext(Options);
            return await db.Records.LongCountAsync();
        }
        catch (Exception e) when (e is NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return -1;
        }
    }

    private async Task LoadAsync(long records, bool lean)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(Options.DataDir);
        if (_pgDatabase is not null)
        {
            await using var admin = new NpgsqlConnection(_admin);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_pgDatabase}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using var db = LantaiDatabase.CreateContext(Options);
        await LantaiDatabase.MigrateAsync(db, Options, default);
        var fondsIds = new Dictionary<string, FondsId>(StringComparer.Ordinal);
        var service = new FondsService(db, TimeProvider.System);
        foreach (var code in SearchCorpus.FondsCodes)
        {
            fondsIds[code] = (await service.CreateAsync(new FondsDraft { Code = code, Name = "全宗 " + code }, "bench", default)).Value.Id;
        }

        var units = fondsIds.Values.SelectMany(f => SearchCorpus.OrgUnits.Select(u => new OrgUnit { FondsId = f, Code = u.Code, Name = u.Name })).ToList();
        db.OrgUnits.AddRange(units);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var now = TimeProvider.System.GetUtcNow();
        await db.Database.OpenConnectionAsync();
        if (lean)
        {
            var sql = _pgDatabase is not null
                ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'Records' AND indexname <> 'PK_Records'"
                : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Records' AND name NOT LIKE 'sqlite_autoindex%'";
            var names = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
            foreach (var name in names)
            {
#pragma warning disable EF1002 // index names read from the catalogue just above
                await db.Database.ExecuteSqlRawAsync($"DROP INDEX \"{name}\"");
#pragma warning restore EF1002
            }

            Console.WriteLine($"  dropped the Records table's secondary indexes for the load: {string.Join(", ", names)}");
        }

        for (long start = 0; start < records; start += Chunk)
        {
            var n = (int)Math.Min(Chunk, records - start);
            var rows = new List<Record>(n);
            for (var i = 0; i < n; i++)
            {
                rows.Add(Row(start + i, fondsIds, now));
            }

            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkRows.InsertAsync(db, rows, default);
            await tx.CommitAsync();
            if ((start / Chunk) % 20 == 19)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  loaded {start + n:N0} records ({watch.Elapsed.TotalSeconds:F0} s)"));
            }
        }

        if (_pgDatabase is not null)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"Records\"");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Provider}: loaded {records:N0} records in {watch.Elapsed.TotalSeconds:F1} s ({records / watch.Elapsed.TotalSeconds:N0} rows/s) into {(_pgDatabase ?? Options.SqlitePath)}"));
    }

    /// <summary>
    /// The corpus record i as the database holds it: its fonds' id, and an item number and archival code unique in the
    /// archive (the corpus's own item numbers repeat, which the catalogue's unique indexes would refuse).
    /// </summary>
    private static Record Row(long i, Dictionary<string, FondsId> fondsIds, DateTimeOffset now)
    {
        var r = SearchCorpus.Record(i).Record;
        var item = (int)(i / SearchCorpus.FondsCodes.Length) + 1;
        r.FondsId = fondsIds[r.FondsCode];
        r.ItemNumber = item;
        r.ArchivalCode = string.Create(CultureInfo.InvariantCulture, $"{r.FondsCode}-{r.CategoryCode}·{r.Year}-{r.RetentionCode}-{r.OrgUnitCode}-{item:D6}");
        r.CreatedAt = now;
        r.UpdatedAt = now;
        return r;
    }

    public async Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_admin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(Options.DataDir))
        {
            Directory.Delete(Options.DataDir, recursive: true);
        }
    }

    /// <summary>Deletes the index folder the rebuilds leave in the data folder (the catalogue stays).</summary>
    public void DeleteIndex()
    {
        var index = Path.Combine(Options.DataDir, "index");
        if (Directory.Exists(index))
        {
            Directory.Delete(index, recursive: true);
        }
    }
}
