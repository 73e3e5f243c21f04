using System.Data.Common;
using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Preservation;
using Lantai.Tests.Catalogue;
using Lantai.Tests.Infrastructure;
using Lantai.Transfer;
using Microsoft.EntityFrameworkCore;
using Record = Lantai.Catalogue.Record;

namespace Lantai.Tests.Transfer;

/// <summary>
/// The ingest's bulk path (<see cref="BulkRows"/>: a prepared INSERT on SQLite, a binary COPY on PostgreSQL) stores the
/// same bytes EF does: for each table the ingest writes, one row through EF and one through the bulk path, compared
/// column by column as the database returns them (keys and the columns that must differ left out).
/// </summary>
public sealed class BulkRowsTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BulkRows_StoreTheSameValuesAsEf_ForEveryTableOfTheIngest(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var fonds = await CatalogueTestData.CreateFondsAsync(db);
        var at = new DateTimeOffset(2024, 3, 12, 8, 30, 15, 123, TimeSpan.Zero).AddTicks(4560);
        var importId = Guid.CreateVersion7();
        var transferId = Guid.CreateVersion7();
        Record NewRecord(int item) => new()
        {
            FondsId = fonds.Id,
            FondsCode = fonds.Code,
            CategoryCode = "WS",
            Year = 2024,
            RetentionCode = "D30",
            OrgUnitCode = "BGS",
            ItemNumber = item,
            GroupKey = GroupKeys.ForItem(fonds.Code, "WS", 2024, "D30", "BGS"),
            ArchivalCode = $"{fonds.Code}-WS·2024-D30-BGS-{item:0000}",
            Title = "关于草原生态保护工作的通知（〔2024〕）",
            TitleSupplied = true,
            Author = "示例旗人民政府办公室",
            DocumentNumber = "示政办发〔2024〕3号",
            Date = new DateOnly(2024, 3, 12),
            PageCount = 7,
            Classification = "",
            Remarks = "ᠮᠣᠩᠭᠣᠯ 蒙古文",
            OpenStatus = OpenStatus.Open,
            ImportId = importId,
            CreatedAt = at,
            UpdatedAt = at,
        };
        var (efRecord, bulkRecord) = (NewRecord(1), NewRecord(2));
        var (efObject, bulkObject) = (Object('a'), Object('b'));
        RecordFile File(RecordId record) => new()
        {
            RecordId = record,
            Sequence = 1,
            OriginalName = "正文/第01件 通知.pdf",
            ObjectSm3 = efObject.Sm3,
            Length = 12345,
            FormatId = "pdf-a-2",
            MediaType = "application/pdf",
            TransferId = transferId,
            CreatedAt = at,
        };
        PreservationEvent Event(RecordId record) => new()
        {
            At = at,
            Type = PreservationEventTypes.MessageDigestCalculation,
            Outcome = PreservationEventTypes.Success,
            Agent = "Lantai",
            Detail = "“正文/第01件 通知.pdf” SM3 " + efObject.Sm3,
            RecordId = record,
            ObjectSm3 = efObject.Sm3,
            TransferId = null,
        };
        OutboxMessage Message(RecordId record) => new() { Kind = "test.bulk", EntityId = record.ToString(), CreatedAt = at };

        db.AddRange(efObject, efRecord, File(efRecord.Id), Event(efRecord.Id), Message(efRecord.Id));
        await db.SaveChangesAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkRows.InsertAsync<StoredObject>(db, [bulkObject], default);
            await BulkRows.InsertAsync<Record>(db, [bulkRecord], default);
            await BulkRows.InsertAsync<RecordFile>(db, [File(bulkRecord.Id)], default);
            await BulkRows.InsertAsync<PreservationEvent>(db, [Event(bulkRecord.Id)], default);
            await BulkRows.InsertAsync<OutboxMessage>(db, [Message(bulkRecord.Id)], default);
            await tx.CommitAsync();
        }

        await SameAsync(db, "Records", ["Id", "ItemNumber", "ArchivalCode"], 2);
        await SameAsync(db, "StoredObjects", ["Sm3"], 2);
        await SameAsync(db, "RecordFiles", ["Id", "RecordId"], 2);
        await SameAsync(db, "PreservationEvents", ["Id", "RecordId"], 2);
        await SameAsync(db, "OutboxMessages", ["Id", "EntityId"], 2, "\"Kind\" = 'test.bulk'");
        db.ChangeTracker.Clear();
        var read = await db.Records.AsNoTracking().SingleAsync(r => r.Id == bulkRecord.Id);
        Assert.Equal(bulkRecord.Title, read.Title);
        Assert.Equal(bulkRecord.Remarks, read.Remarks);
        Assert.Equal(at.UtcTicks / 10, read.CreatedAt.UtcTicks / 10);
        Assert.Equal(OpenStatus.Open, read.OpenStatus);
        Assert.Equal(2, await db.RecordFiles.CountAsync(f => f.ObjectSm3 == efObject.Sm3));
    }

    /// <summary>The bulk UPDATE (the ingest writes the staged files' digests with it) finds rows by their converted key and changes only the named columns.</summary>
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BulkUpdate_ChangesTheNamedColumnsOfTheGivenRowsOnly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var fonds = await CatalogueTestData.CreateFondsAsync(db);
        var at = new DateTimeOffset(2024, 3, 12, 8, 30, 15, TimeSpan.Zero);
        var records = Enumerable.Range(1, 3).Select(item => new Record
        {
            FondsId = fonds.Id,
            FondsCode = fonds.Code,
            CategoryCode = "WS",
            Year = 2024,
            RetentionCode = "D30",
            OrgUnitCode = "BGS",
            ItemNumber = item,
            GroupKey = GroupKeys.ForItem(fonds.Code, "WS", 2024, "D30", "BGS"),
            ArchivalCode = $"{fonds.Code}-WS·2024-D30-BGS-{item:0000}",
            Title = $"原题名{item}",
            Author = "示例旗人民政府办公室",
            PageCount = 1,
            Classification = "",
            Remarks = "备注",
            CreatedAt = at,
            UpdatedAt = at,
        }).ToList();
        db.Records.AddRange(records);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var changed = records.Take(2).Select(r => new Record
        {
            Id = r.Id,
            FondsId = r.FondsId,
            FondsCode = r.FondsCode,
            CategoryCode = r.CategoryCode,
            Year = r.Year,
            RetentionCode = r.RetentionCode,
            OrgUnitCode = r.OrgUnitCode,
            ItemNumber = r.ItemNumber,
            GroupKey = r.GroupKey,
            ArchivalCode = r.ArchivalCode,
            Title = "新题名 ᠮᠣᠩᠭᠣᠯ " + r.ItemNumber,
            Author = "不应写入",
            PageCount = 40 + r.ItemNumber,
            Classification = "",
            Remarks = "不应写入",
            CreatedAt = at,
            UpdatedAt = at,
        }).ToList();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await BulkRows.UpdateAsync(db, changed, [nameof(Record.Title), nameof(Record.PageCount)], default);
            await tx.CommitAsync();
        }

        var read = await db.Records.AsNoTracking().OrderBy(r => r.ItemNumber).ToListAsync();
        Assert.Equal(["新题名 ᠮᠣᠩᠭᠣᠯ 1", "新题名 ᠮᠣᠩᠭᠣᠯ 2", "原题名3"], read.Select(r => r.Title));
        Assert.Equal([41, 42, 1], read.Select(r => r.PageCount));
        Assert.All(read, r => Assert.Equal("示例旗人民政府办公室", r.Author));
        Assert.All(read, r => Assert.Equal("备注", r.Remarks));
    }

    private static StoredObject Object(char fill) => new()
    {
        Sm3 = new string(fill, 64),
        Sha256 = new string('c', 64),
        Length = 12345,
        StoredAt = new DateTimeOffset(2024, 3, 12, 8, 30, 15, TimeSpan.Zero),
    };

    /// <summary>The table's rows (as the driver returns each column: type and value) are equal outside <paramref name="differ"/>.</summary>
    private static async Task SameAsync(LantaiDbContext db, string table, string[] differ, int expected, string? where = null)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"" + (where is null ? "" : " WHERE " + where);
        var rows = new List<Dictionary<string, object?>>();
        await using (DbDataReader reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }

        Assert.Equal(expected, rows.Count);
        foreach (var (column, value) in rows[0].Where(c => !differ.Contains(c.Key)))
        {
            Assert.True(Equals(value, rows[1][column]) || (value is byte[] a && rows[1][column] is byte[] b && a.SequenceEqual(b)),
                $"{table}.{column}: {Describe(value)} vs {Describe(rows[1][column])}");
        }

        foreach (var column in differ)
        {
            Assert.Equal(rows[0][column]?.GetType(), rows[1][column]?.GetType());
        }
    }

    private static string Describe(object? value) => value is null ? "null" : $"{value.GetType().Name} {value}";
}
