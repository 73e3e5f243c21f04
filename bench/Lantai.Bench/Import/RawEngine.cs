using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Lantai.Bench.Import;

/// <summary>
/// The ceiling the import is compared with: the same rows written into the same Records table (same indexes, same
/// transaction, same pragmas) by the bare driver, with no reading, checking or model metadata.
/// </summary>
internal static class RawEngine
{
    private static readonly string[] Columns =
        ["Id", "FondsId", "FondsCode", "CategoryCode", "Year", "RetentionCode", "OrgUnitCode", "VolumeId", "ItemNumber", "GroupKey", "ArchivalCode",
         "Title", "TitleSupplied", "Author", "DocumentNumber", "Date", "PageCount", "Classification", "Carrier", "Remarks", "OpenStatus", "ImportId",
         "CreatedAt", "UpdatedAt", "Version"];

    private static string ColumnList => string.Join(", ", Columns.Select(c => "\"" + c + "\""));

    public static long Sqlite(string connectionString, IEnumerable<BenchRow> rows, IReadOnlyDictionary<string, Guid> fondsIds)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
            pragma.ExecuteNonQuery();
        }

        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO \"Records\" ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var p = Columns.Select((_, i) => insert.Parameters.Add("@p" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text)).ToArray();
        insert.Prepare();
        var importId = Guid.CreateVersion7().ToString().ToUpperInvariant();
        var now = TimeProvider.System.GetUtcNow();
        long count = 0;
        foreach (var r in rows)
        {
            p[0].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
            p[1].Value = fondsIds[r.FondsCode].ToString().ToUpperInvariant();
            p[2].Value = r.FondsCode;
            p[3].Value = "WS";
            p[4].Value = r.Year;
            p[5].Value = r.Retention;
            p[6].Value = r.OrgUnit;
            p[7].Value = DBNull.Value;
            p[8].Value = r.Item;
            p[9].Value = string.Create(CultureInfo.InvariantCulture, $"{r.FondsCode}|WS|{r.Year}|{r.Retention}|{r.OrgUnit}");
            p[10].Value = r.ArchivalCode;
            p[11].Value = r.Title;
            p[12].Value = 0;
            p[13].Value = r.Author;
            p[14].Value = (object?)r.DocumentNumber ?? DBNull.Value;
            p[15].Value = r.Date;
            p[16].Value = r.Pages;
            p[17].Value = r.Classification;
            p[18].Value = DBNull.Value;
            p[19].Value = (object?)r.Remarks ?? DBNull.Value;
            p[20].Value = 0;
            p[21].Value = importId;
            p[22].Value = now;
            p[23].Value = now;
            p[24].Value = 0;
            insert.ExecuteNonQuery();
            count++;
        }

        tx.Commit();
        return count;
    }

    public static async Task<long> PostgresAsync(string connectionString, IEnumerable<BenchRow> rows, IReadOnlyDictionary<string, Guid> fondsIds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var importId = Guid.CreateVersion7();
        var now = TimeProvider.System.GetUtcNow();
        long count = 0;
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY \"Records\" ({ColumnList}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(fondsIds[r.FondsCode], NpgsqlDbType.Uuid);
                await copy.WriteAsync(r.FondsCode, NpgsqlDbType.Varchar);
                await copy.WriteAsync("WS", NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.Year, NpgsqlDbType.Integer);
                await copy.WriteAsync(r.Retention, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.OrgUnit, NpgsqlDbType.Varchar);
                await copy.WriteNullAsync();
                await copy.WriteAsync(r.Item, NpgsqlDbType.Integer);
                await copy.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{r.FondsCode}|WS|{r.Year}|{r.Retention}|{r.OrgUnit}"), NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.ArchivalCode, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.Title, NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(r.Author, NpgsqlDbType.Varchar);
                await WriteOrNull(copy, r.DocumentNumber);
                await copy.WriteAsync(r.Date, NpgsqlDbType.Date);
                await copy.WriteAsync(r.Pages, NpgsqlDbType.Integer);
                await copy.WriteAsync(r.Classification, NpgsqlDbType.Varchar);
                await copy.WriteNullAsync();
                await WriteOrNull(copy, r.Remarks);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(importId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                count++;
            }

            await copy.CompleteAsync();
        }

        await tx.CommitAsync();
        return count;
    }

    private static async Task WriteOrNull(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Varchar);
        }
    }
}
