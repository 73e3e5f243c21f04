using System.Diagnostics;
using Lantai.Search;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Search.Indexing;

/// <summary>
/// A process killed while indexing loses no update (issue 4, item 5): the real `lantai` is killed with SIGKILL at a
/// fault point (LANTAI_CRASH_AT, see CrashPoints) — after documents are added to the writer but before the commit, or
/// during a rebuild before the swap — then run again; every record must be findable exactly once.
/// </summary>
public sealed class SearchIndexCrashTests
{
    private const int Changes = 12;
    private const int Imported = 300;

    public static TheoryData<DatabaseProvider, string> UpdatePoints => new()
    {
        { DatabaseProvider.Sqlite, "index.batch-added:1" },
        { DatabaseProvider.Sqlite, "index.batch-added:3" },
        { DatabaseProvider.Postgres, "index.batch-added:2" },
    };

    public static TheoryData<DatabaseProvider, string> RebuildPoints => new()
    {
        { DatabaseProvider.Sqlite, "rebuild.documents-added:1" },
        { DatabaseProvider.Sqlite, "rebuild.before-swap:1" },
        { DatabaseProvider.Postgres, "rebuild.before-swap:1" },
    };

    [Theory, MemberData(nameof(UpdatePoints))]
    public async Task UpdateKilledBeforeCommit_LosesNothing_WhenRunAgain(DatabaseProvider provider, string point)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await PrepareAsync(database);

        var killed = await LantaiProcessAsync(database, point, "index", "update");
        var resumed = await LantaiProcessAsync(database, null, "index", "update");

        Assert.True(killed.ExitCode is 137 or -9 or 9, $"expected SIGKILL, got {killed.ExitCode}: {killed.Output}\n{killed.Error}");
        Assert.True(resumed.ExitCode == 0, resumed.Output + "\n" + resumed.Error);
        await AssertEveryRecordOnceAsync(database);
    }

    [Theory, MemberData(nameof(RebuildPoints))]
    public async Task RebuildKilled_LeavesTheLiveIndexServing_AndRunsAgain(DatabaseProvider provider, string point)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await PrepareAsync(database);
        var first = await LantaiProcessAsync(database, null, "index", "update");
        Assert.True(first.ExitCode == 0, first.Output + "\n" + first.Error);
        var live = SearchIndex.ReadPointer(Path.Combine(database.DataDir, "index"));

        var killed = await LantaiProcessAsync(database, point, "index", "rebuild");

        Assert.True(killed.ExitCode is 137 or -9 or 9, $"expected SIGKILL, got {killed.ExitCode}: {killed.Output}\n{killed.Error}");
        Assert.Equal(live, SearchIndex.ReadPointer(Path.Combine(database.DataDir, "index")));
        await AssertEveryRecordOnceAsync(database);

        var rebuilt = await LantaiProcessAsync(database, null, "index", "rebuild");

        Assert.True(rebuilt.ExitCode == 0, rebuilt.Output + "\n" + rebuilt.Error);
        var now = SearchIndex.ReadPointer(Path.Combine(database.DataDir, "index"));
        Assert.NotEqual(live, now);
        Assert.Equal([now], Directory.EnumerateDirectories(Path.Combine(database.DataDir, "index")).Select(Path.GetFileName));
        await AssertEveryRecordOnceAsync(database);
    }

    /// <summary>Twelve records saved one by one (one outbox entry each) and an import of 300 (one entry).</summary>
    private static async Task PrepareAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var fonds = await IndexingData.FondsAsync(db);
        for (var i = 1; i <= Changes; i++)
        {
            await IndexingData.RecordAsync(db, $"关于第{i}项工作的通知");
        }

        await IndexingData.ImportAsync(db, fonds, Imported, i => $"第{i}号馆藏登记表");
    }

    private static async Task AssertEveryRecordOnceAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var records = await db.Records.Select(r => r.Id).ToListAsync();
        Assert.Equal(Changes + Imported, records.Count);
        using var index = new SearchIndex(database.Options);
        Assert.Equal(records.Count, IndexProbe.Documents(index));
        Assert.All(records, id => Assert.Equal(1, IndexProbe.Copies(index, id)));
        Assert.Single(IndexProbe.Find(index, SearchFields.Title, "第7项工作"));
        Assert.Single(IndexProbe.Find(index, SearchFields.Title, "第299号馆藏登记表"));
        Assert.Equal(await db.OutboxMessages.MaxAsync(m => m.Id), index.CommittedCursor);
    }

    /// <summary>Runs the real `lantai` as its own process, in batches of 5 outbox entries.</summary>
    private static Task<(int ExitCode, string Output, string Error)> LantaiProcessAsync(TestDatabase database, string? crashAt, params string[] args) =>
        LantaiProcess.RunAsync(database, crashAt, new Dictionary<string, string> { ["Lantai__Search__BatchSize"] = "5" }, args);
}
