using System.Globalization;
using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Lantai.Bench.ListPage;

/// <summary>
/// Loads generated rows straight into the Records table: one prepared INSERT in large transactions on SQLite, binary
/// COPY on PostgreSQL. The storage format of ids and times on SQLite is read back from a row EF wrote, not assumed.
/// </summary>
internal static class BulkLoader
{
    private const string Columns = "\"Id\", \"FondsId\", \"FondsCode\", \"CategoryCode\", \"Year\", \"RetentionCode\", \"OrgUnitCode\", \"ItemNumber\", \"GroupKey\", \"ArchivalCode\", \"Title\", \"TitleSupplied\", \"Author\", \"DocumentNumber\", \"Date\", \"PageCount\", \"Classification\", \"Carrier\", \"OpenStatus\", \"CreatedAt\", \"UpdatedAt\", \"Version\"";

    /// <summary>How EF stores a record on SQLite: the probe record is written through RecordService and read back raw.</summary>
    public static async Task<(bool UpperGuids, string CreatedAt)> ProbeSqliteAsync(DatabaseOptions options, CancellationToken ct)
    {
        await using (var db = LantaiDatabase.CreateContext(options))
        {
            var probe = await new RecordService(db, TimeProvider.System).CreateAsync(new RecordDraft { FondsCode = RecordGenerator.FondsCode(0), Year = 1900, RetentionCode = "Y", Title = "probe" }, "bench", ct);
            if (!probe.Succeeded)
            {
                throw new InvalidOperationException(probe.Errors[0].Message);
            }
        }

        await using var conn = new SqliteConnection(options.SqliteConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT \"Id\", \"CreatedAt\" FROM \"Records\" WHERE \"Title\" = 'probe'";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var id = reader.GetString(0);
        var createdAt = reader.GetString(1);
        await reader.DisposeAsync();
        cmd.CommandText = "DELETE FROM \"Records\" WHERE \"Title\" = 'probe'";
        await cmd.ExecuteNonQueryAsync(ct);
        return (string.Equals(id, id.ToUpperInvariant(), StringComparison.Ordinal), createdAt);
    }

    public static async Task LoadSqliteAsync(DatabaseOptions options, IEnumerable<GeneratedRecord> rows, bool upperGuids, string createdAt, CancellationToken ct)
    {
        await using var conn = new SqliteConnection(options.SqliteConnectionString);
        await conn.OpenAsync(ct);
        await using (var pragma = conn.CreateCommand())
        {
            // Load settings for this connection only; the server's own connections keep synchronous=FULL.
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        var names = Columns.Replace("\"", "", StringComparison.Ordinal).Split(", ");
        await using var insert = conn.CreateCommand();
        insert.CommandText = $"INSERT INTO \"Records\" ({Columns}) VALUES ({string.Join(", ", names.Select(n => "$" + n))})";
        var p = names.ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter("$" + n, null)), StringComparer.Ordinal);
        string G(Guid g) => upperGuids ? g.ToString().ToUpperInvariant() : g.ToString();
        var tx = conn.BeginTransaction();
        insert.Transaction = tx;
        insert.Prepare();
        var n = 0;
        foreach (var r in rows)
        {
            p["Id"].Value = G(r.Id);
            p["FondsId"].Value = G(r.FondsId);
            p["FondsCode"].Value = r.FondsCode;
            p["CategoryCode"].Value = r.CategoryCode;
            p["Year"].Value = r.Year;
            p["RetentionCode"].Value = r.RetentionCode;
            p["OrgUnitCode"].Value = r.OrgUnitCode;
            p["ItemNumber"].Value = r.ItemNumber;
            p["GroupKey"].Value = r.GroupKey;
            p["ArchivalCode"].Value = r.ArchivalCode;
            p["Title"].Value = r.Title;
            p["TitleSupplied"].Value = r.TitleSupplied ? 1 : 0;
            p["Author"].Value = r.Author;
            p["DocumentNumber"].Value = r.DocumentNumber;
            p["Date"].Value = r.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            p["PageCount"].Value = r.PageCount;
            p["Classification"].Value = r.Classification;
            p["Carrier"].Value = r.Carrier;
            p["OpenStatus"].Value = r.OpenStatus;
            p["CreatedAt"].Value = createdAt;
            p["UpdatedAt"].Value = createdAt;
            p["Version"].Value = 0;
            await insert.ExecuteNonQueryAsync(ct);
            if (++n % 100_000 == 0)
            {
                await tx.CommitAsync(ct);
                await tx.DisposeAsync();
                tx = conn.BeginTransaction();
                insert.Transaction = tx;
            }
        }

        await tx.CommitAsync(ct);
        await tx.DisposeAsync();
    }

    public static async Task LoadPostgresAsync(DatabaseOptions options, IEnumerable<GeneratedRecord> rows, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(options.PostgresConnectionString);
        await conn.OpenAsync(ct);
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        await using var copy = await conn.BeginBinaryImportAsync($"COPY \"Records\" ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.FondsId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.FondsCode, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.CategoryCode, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Year, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.RetentionCode, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.OrgUnitCode, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.ItemNumber, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.GroupKey, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.ArchivalCode, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Title, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.TitleSupplied, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(r.Author, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.DocumentNumber, NpgsqlDbType.Varchar, ct);
            if (r.Date is { } d)
            {
                await copy.WriteAsync(d, NpgsqlDbType.Date, ct);
            }
            else
            {
                await copy.WriteNullAsync(ct);
            }

            await copy.WriteAsync(r.PageCount, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.Classification, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Carrier, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.OpenStatus, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>
    /// The indexes this benchmark asks for (not in the migrations): (Date, ArchivalCode) serves the date order's two runs,
    /// (FondsId, ArchivalCode) serves a fonds' list in code order without sorting the whole fonds.
    /// </summary>
    public static async Task CreateWishedIndexesAsync(DatabaseOptions options, CancellationToken ct)
    {
        await using var db = LantaiDatabase.CreateContext(options);
        await db.Database.ExecuteSqlRawAsync("CREATE INDEX IF NOT EXISTS \"IX_Records_Date_ArchivalCode\" ON \"Records\" (\"Date\", \"ArchivalCode\")", ct);
        await db.Database.ExecuteSqlRawAsync("CREATE INDEX IF NOT EXISTS \"IX_Records_FondsId_ArchivalCode\" ON \"Records\" (\"FondsId\", \"ArchivalCode\")", ct);
    }

    /// <summary>Planner statistics, as a deployment would have them after its first maintenance run.</summary>
    public static async Task AnalyzeAsync(DatabaseOptions options, CancellationToken ct)
    {
        await using var db = LantaiDatabase.CreateContext(options);
        await db.Database.ExecuteSqlRawAsync(options.IsPostgres ? "VACUUM ANALYZE \"Records\"" : "ANALYZE", ct);
    }
}
