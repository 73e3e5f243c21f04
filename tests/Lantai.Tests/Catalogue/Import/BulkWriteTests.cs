using System.Data.Common;
using Lantai.Catalogue;
using Lantai.Catalogue.Import;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Record = Lantai.Catalogue.Record;

namespace Lantai.Tests.Catalogue.Import;

/// <summary>The bulk paths write the rows EF would write, and an interrupted import leaves nothing behind.</summary>
public sealed class BulkWriteTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_BulkRows_AreStoredExactlyAsEfStoresThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Record efRecord;
        await using (var db = database.CreateContext())
        {
            await new FondsService(db, TimeProvider.System).CreateAsync(new FondsDraft { Code = "0426", Name = "示例旗档案局" }, "test", default);
            efRecord = (await new RecordService(db, TimeProvider.System).CreateAsync(new RecordDraft
            {
                FondsCode = "0426",
                Year = 2016,
                RetentionCode = "Y",
                OrgUnitCode = "BGS",
                ItemNumber = 1,
                Title = "经 EF 写入",
                Author = "示例旗档案局",
                DocumentNumber = "示旗政办发〔2016〕44号",
                Date = new DateOnly(2016, 3, 12),
                PageCount = 39,
                Classification = "内部",
                Carrier = "纸质",
                Remarks = "备注",
                OpenStatus = OpenStatus.Controlled,
            }, "test", default)).Value;
        }

        var csv = $"{ImportSamples.Header},载体,开放状态\n0426-WS·2016-Y-BGS-0002,0426,2016,Y,BGS,2,示例旗档案局,示旗政办发〔2016〕44号,经导入写入,20160312,39,内部,备注,纸质,控制\n";
        var result = await SampleImportTests.CommitAsync(database, ImportSamples.Csv(csv));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));

        // Read back through EF: every property equal except identity, number, code, title and the import's own fields.
        await using (var db = database.CreateContext())
        {
            var imported = await db.Records.AsNoTracking().SingleAsync(r => r.ImportId == result.Value.ImportId);
            var fromEf = await db.Records.AsNoTracking().SingleAsync(r => r.Id == efRecord.Id);
            string Shape(Record r) => string.Join("|", r.FondsId, r.FondsCode, r.CategoryCode, r.Year, r.RetentionCode, r.OrgUnitCode, r.VolumeId, r.GroupKey,
                r.TitleSupplied, r.Author, r.DocumentNumber, r.Date, r.PageCount, r.Classification, r.Carrier, r.Remarks, r.OpenStatus, r.Version);
            Assert.Equal(Shape(fromEf), Shape(imported));
            Assert.Equal(2, imported.ItemNumber);
            Assert.Equal(TimeSpan.Zero, imported.CreatedAt.Offset);
            Assert.Equal(imported.CreatedAt, imported.UpdatedAt);
        }

        // And at the storage level: the same SQL types and the same text forms (GUID case, date and timestamp formats).
        if (provider == DatabaseProvider.Sqlite)
        {
            var ef = await StoredFormAsync(database, efRecord.Id.Value.ToString().ToUpperInvariant());
            var bulk = await StoredFormAsync(database, null);
            Assert.Equal(ef.Count, bulk.Count);
            foreach (var column in ef.Keys.Where(c => c is not ("Id" or "ItemNumber" or "ArchivalCode" or "Title" or "ImportId" or "CreatedAt" or "UpdatedAt")))
            {
                Assert.Equal((column, ef[column]), (column, bulk[column]));
            }

            Assert.Matches("^text:[0-9A-F]{8}-[0-9A-F]{4}-7[0-9A-F]{3}-[0-9A-F]{4}-[0-9A-F]{12}$", bulk["Id"]);
            // Instants are UTC ticks on SQLite (UtcTicksConverter), so they order and compare in SQL.
            Assert.Matches(@"^integer:\d{18}$", bulk["CreatedAt"]);
            Assert.Matches(@"^integer:\d{18}$", ef["CreatedAt"]);
            Assert.Equal(ef["Id"].Length, bulk["ImportId"].Length);
        }
    }

    /// <summary>typeof(column) and the stored value of every column of one row, straight from SQLite.</summary>
    private static async Task<Dictionary<string, string>> StoredFormAsync(TestDatabase database, string? id)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('Records')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"typeof(\"{c}\") || ':' || coalesce(\"{c}\", 'NULL')"))} FROM \"Records\" WHERE "
            + (id is null ? "\"ImportId\" IS NOT NULL" : "\"Id\" = @id");
        if (id is not null)
        {
            AddParameter(command, "@id", id);
        }

        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        return columns.Select((c, i) => (c, v: row.GetString(i))).ToDictionary(x => x.c, x => x.v);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_CancelledHalfway_StoresNothingAndARerunImportsEverything(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var csv = "全宗号,年度,保管期限,机构(问题),题名\n" + string.Concat(Enumerable.Range(1, 20_000).Select(i => $"X013,{1990 + (i % 30)},Y,BGS,第{i}件的题名\n"));
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfterRows(cancel, 8192);

        await using (var db = database.CreateContext())
        {
            var importer = new CatalogueImporter(db, TimeProvider.System);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => importer.CommitAsync(ImportSamples.Csv(csv), ImportOptions.Default, "test", progress, cancel.Token));
        }

        Assert.True(progress.Written > 0, "the import was cancelled after it had written rows");
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Records.CountAsync());
            Assert.Equal(0, await db.Fonds.CountAsync());
            Assert.Equal(0, await db.AuditEntries.CountAsync());
        }

        var rerun = await SampleImportTests.CommitAsync(database, ImportSamples.Csv(csv));
        Assert.True(rerun.Succeeded, string.Join("\n", rerun.Errors.Select(e => e.Message)));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(20_000, await db.Records.CountAsync());
            Assert.True((await new Lantai.Security.AuditVerifier(db).VerifyAsync(null, default)).Intact);
        }
    }

    /// <summary>Cancels the import once it has written some rows, as a killed process would stop it mid-way.</summary>
    private sealed class CancelAfterRows(CancellationTokenSource cancel, long rows) : IProgress<ImportProgress>
    {
        public long Written { get; private set; }

        public void Report(ImportProgress value)
        {
            Written = Math.Max(Written, value.RowsWritten);
            if (value.RowsWritten >= rows)
            {
                cancel.Cancel();
            }
        }
    }
}
