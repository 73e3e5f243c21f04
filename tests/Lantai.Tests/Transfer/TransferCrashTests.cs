using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Lantai.Data;
using Lantai.Preservation;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Lantai.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Transfer;

/// <summary>
/// Crash-safety of ingest (issue 3, item 8): the real `lantai` process is killed with SIGKILL at a chosen point of the
/// ingest (fault injection through LANTAI_CRASH_AT, see CrashPoints), the store and the catalogue are checked for
/// consistency as the crash left them, then `lantai transfer resume` finishes the work and everything is checked again.
/// </summary>
public sealed class TransferCrashTests
{
    private const int Items = 12;

    public static TheoryData<DatabaseProvider, string> Points => new()
    {
        { DatabaseProvider.Sqlite, "ingest.objects-added:2" },
        { DatabaseProvider.Sqlite, "ingest.objects-committed:2" },
        { DatabaseProvider.Sqlite, "ingest.committed:2" },
        { DatabaseProvider.Postgres, "ingest.committed:3" },
    };

    [Theory, MemberData(nameof(Points))]
    public async Task IngestKilledAtAnyPoint_LeavesAConsistentArchive_AndResumes(DatabaseProvider provider, string point)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var package = await PrepareAsync(database);

        var killed = await LantaiProcessAsync(database, point, "transfer", "ingest", package, "--accept");

        Assert.True(killed.ExitCode is 137 or -9 or 9, $"expected SIGKILL, got {killed.ExitCode}: {killed.Output}\n{killed.Error}");
        var before = await ConsistentAsync(database);
        Assert.True(before < Items, $"{before} records after the kill");

        var resumed = await LantaiProcessAsync(database, null, "transfer", "resume");

        Assert.True(resumed.ExitCode == 0, resumed.Output + "\n" + resumed.Error);
        Assert.Equal(Items, await ConsistentAsync(database));
        await using var db = database.CreateContext();
        var transfer = await db.Transfers.SingleAsync();
        Assert.Equal(TransferState.Accepted, transfer.State);
        Assert.Equal(Items, await db.TransferItems.CountAsync(i => i.State == TransferItemState.Ingested));
        Assert.True((await new AuditVerifier(db).VerifyAsync(null, default)).Intact);
        foreach (var record in await db.Records.Select(r => r.Id).ToListAsync())
        {
            Assert.True(File.Exists(Path.Combine(AipLocation.PathOf(database.DataDir, record), "manifest-sm3.txt")), $"AIP of {record}");
        }

        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.AipWanted));
    }

    /// <summary>
    /// The AIPs are written beside the ingest, by the keeper the ingest job runs (batches of 3 items here): killed
    /// when its first bags are synced and their wishes not yet removed — the ingest possibly still at work — the archive
    /// is consistent, every committed record is still waiting for its AIP, and resume finishes the ingest and writes them all.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AipKeeperKilledDuringTheIngest_LeavesTheRecordsWaiting_AndResumeWritesEveryAip(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var package = await PrepareAsync(database);

        var killed = await LantaiProcessAsync(database, "aip.written:1", "transfer", "ingest", package, "--accept");

        Assert.True(killed.ExitCode is 137 or -9 or 9, $"expected SIGKILL, got {killed.ExitCode}: {killed.Output}\n{killed.Error}");
        var records = await ConsistentAsync(database);
        Assert.InRange(records, 3, Items);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(records, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.AipWanted));
            Assert.Contains((await db.Transfers.SingleAsync()).State, new[] { TransferState.Ingesting, TransferState.Accepted });
        }

        var resumed = await LantaiProcessAsync(database, null, "transfer", "resume");

        Assert.True(resumed.ExitCode == 0, resumed.Output + "\n" + resumed.Error);
        Assert.Equal(Items, await ConsistentAsync(database));
        await using var check = database.CreateContext();
        Assert.Equal(TransferState.Accepted, (await check.Transfers.SingleAsync()).State);
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.AipWanted));
        foreach (var record in await check.Records.Select(r => r.Id).ToListAsync())
        {
            var aip = AipLocation.PathOf(database.DataDir, record);
            Assert.True(File.Exists(Path.Combine(aip, "manifest-sm3.txt")), $"AIP of {record}");
            Assert.Equal("OK", (await Lantai.Tests.Preservation.AipIngestTests.VerifyWithPythonAsync(aip)).Split(' ')[0]);
        }

        // The keeper killed half way left its mark in the lock file; the next keeper swept the temporary bags.
        Assert.Empty(Directory.EnumerateDirectories(AipLocation.Root(database.DataDir), ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CheckKilledAfterStaging_IsRunAgainOnResume()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var package = await PrepareAsync(database);

        var killed = await LantaiProcessAsync(database, "check.staged:1", "transfer", "check", package);
        var resumed = await LantaiProcessAsync(database, null, "transfer", "resume");

        Assert.True(killed.ExitCode is 137 or -9 or 9, $"expected SIGKILL, got {killed.ExitCode}: {killed.Error}");
        Assert.True(resumed.ExitCode == 0, resumed.Output + "\n" + resumed.Error);
        await using var db = database.CreateContext();
        var transfer = await db.Transfers.SingleAsync();
        Assert.Equal(TransferState.Checked, transfer.State);
        Assert.Equal(Items, await db.TransferItems.CountAsync(i => i.State == TransferItemState.Passed));
        Assert.Single(await db.CheckRuns.ToListAsync());
    }

    /// <summary>
    /// The invariants a crash must never break: every record has its files, every file's object is counted and on disk
    /// with both its digests, and every counted object is on disk. Returns the number of records.
    /// </summary>
    private static async Task<int> ConsistentAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var store = new ObjectStore(database.Options);
        var records = await db.Records.Select(r => r.Id).ToListAsync();
        var files = await db.RecordFiles.ToListAsync();
        Assert.All(records, r => Assert.Contains(files, f => f.RecordId == r));
        var objects = await db.StoredObjects.ToDictionaryAsync(o => o.Sm3);
        foreach (var file in files)
        {
            Assert.True(objects.ContainsKey(file.ObjectSm3), $"object of {file.OriginalName} is not counted");
        }

        foreach (var stored in objects.Values)
        {
            var bytes = await File.ReadAllBytesAsync(store.PathOf(stored.Sm3));
            Assert.Equal(stored.Sm3, Sm3.HashHex(bytes));
            Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        var ingested = await db.TransferItems.Where(i => i.State == TransferItemState.Ingested).Select(i => i.RecordId).ToListAsync();
        Assert.Equal(ingested.Select(r => r.Value).Order(), records.Select(r => r.Value).Order());

        // An AIP is no longer wanted only once its bag is durable in place (the keeper may run beside the ingest).
        var wanted = (await db.OutboxMessages.Where(m => m.Kind == OutboxKinds.AipWanted).Select(m => m.EntityId).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        foreach (var record in records.Where(r => !wanted.Contains(r.ToString())))
        {
            var aip = AipLocation.PathOf(database.DataDir, record);
            Assert.True(File.Exists(Path.Combine(aip, "tagmanifest-sm3.txt")), $"AIP of {record} no longer wanted but not there");
        }

        return records.Count;
    }

    /// <summary>Fonds 0426 and a folder package of <see cref="Items"/> items, one text file each.</summary>
    private static async Task<string> PrepareAsync(TestDatabase database)
    {
        await using (var services = new ServiceCollection().AddLogging().AddLantaiEngine(database.Options).BuildServiceProvider())
        await using (var scope = services.CreateAsyncScope())
        {
            await LantaiStartup.PrepareAsync(scope.ServiceProvider, default);
            var fonds = await scope.ServiceProvider.GetRequiredService<Lantai.Catalogue.FondsService>()
                .CreateAsync(new Lantai.Catalogue.FondsDraft { Code = "0426", Name = "示例旗人民政府办公室" }, "test", default);
            Assert.True(fonds.Succeeded);
        }

        var folder = Path.Combine(database.DataDir, "incoming", "崩溃测试");
        Directory.CreateDirectory(folder);
        var csv = new StringBuilder(TransferHarness.Header).Append("\r\n");
        for (var i = 1; i <= Items; i++)
        {
            var name = $"正文/第{i:00}件.txt";
            Directory.CreateDirectory(Path.Combine(folder, "正文"));
            await File.WriteAllTextAsync(Path.Combine(folder, name), $"示例旗人民政府办公室关于第{i}项工作的通知。\n请各单位认真贯彻落实。\n", new UTF8Encoding(false));
            csv.Append(FormattableString.Invariant($"0426-WS·2024-Y-BGS-{i:0000},0426,2024,Y,BGS,{i},示例旗人民政府办公室,,关于第{i}项工作的通知,20240312,1,,,{name}\r\n"));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "目录.csv"), csv.ToString(), new UTF8Encoding(true));
        return folder;
    }

    /// <summary>Runs the real `lantai` as its own process, in batches of 3 items.</summary>
    private static Task<(int ExitCode, string Output, string Error)> LantaiProcessAsync(TestDatabase database, string? crashAt, params string[] args) =>
        LantaiProcess.RunAsync(database, crashAt, new Dictionary<string, string> { ["Lantai__Transfer__IngestBatchItems"] = "3" }, args);
}
