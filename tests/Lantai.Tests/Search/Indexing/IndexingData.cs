using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;
using Record = Lantai.Catalogue.Record;

namespace Lantai.Tests.Search.Indexing;

/// <summary>Catalogue data for the indexing tests, written as the engine writes it: each change with its outbox entry in the same transaction.</summary>
internal static class IndexingData
{
    public static async Task<Fonds> FondsAsync(LantaiDbContext db, string code = "0426")
    {
        var created = await new FondsService(db, TimeProvider.System).CreateAsync(new FondsDraft { Code = code, Name = "示例旗档案局" }, "test", default);
        Assert.True(created.Succeeded);
        return created.Value;
    }

    public static async Task<Record> RecordAsync(LantaiDbContext db, string title, string orgUnit = "BGS")
    {
        var created = await new RecordService(db, TimeProvider.System).CreateAsync(new RecordDraft
        {
            FondsCode = "0426",
            Year = 2016,
            RetentionCode = "Y",
            OrgUnitCode = orgUnit,
            Title = title,
            Author = "示例旗档案局",
        }, "test", default);
        Assert.True(created.Succeeded, created.Succeeded ? "" : created.Errors[0].Message);
        return created.Value;
    }

    /// <summary>An import of <paramref name="count"/> records as the importer writes it: the rows and ONE records.imported entry.</summary>
    public static async Task<Guid> ImportAsync(LantaiDbContext db, Fonds fonds, int count, Func<int, string> title, int year = 2020)
    {
        var importId = Guid.CreateVersion7();
        var now = TimeProvider.System.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync();
        for (var i = 1; i <= count; i++)
        {
            var group = GroupKeys.ForItem(fonds.Code, "WS", year, "D30", "");
            db.Records.Add(new Record
            {
                FondsId = fonds.Id,
                FondsCode = fonds.Code,
                CategoryCode = "WS",
                Year = year,
                RetentionCode = "D30",
                ItemNumber = i,
                GroupKey = group,
                ArchivalCode = FormattableString.Invariant($"{fonds.Code}-WS·{year}-D30-{i:00000}"),
                Title = title(i),
                ImportId = importId,
                CreatedAt = now,
                UpdatedAt = now,
            });
            if (i % 2000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        db.OutboxMessages.Add(new OutboxMessage { Kind = OutboxKinds.RecordsImported, EntityId = importId.ToString(), CreatedAt = now });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        db.ChangeTracker.Clear();
        return importId;
    }

    /// <summary>Deletes a record with its record.deleted entry (no use case deletes records yet; disposal will).</summary>
    public static async Task DeleteAsync(LantaiDbContext db, RecordId id)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Records.Where(r => r.Id == id).ExecuteDeleteAsync();
        db.OutboxMessages.Add(new OutboxMessage { Kind = OutboxKinds.RecordDeleted, EntityId = id.ToString(), CreatedAt = TimeProvider.System.GetUtcNow() });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }
}
