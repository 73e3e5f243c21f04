using System.Text.Json;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Tests.Cli;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Preservation;

public sealed class FixityAuditTests
{
    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLantaiEngine(database.Options);
        return services.BuildServiceProvider();
    }

    /// <summary>Puts <paramref name="count"/> random objects in the store and records them, as an ingest does.</summary>
    private static async Task<List<StoredDigests>> StoreObjectsAsync(ServiceProvider services, TestDatabase database, int count)
    {
        var store = services.GetRequiredService<ObjectStore>();
        var stored = new List<StoredDigests>();
        await using (var batch = store.BeginBatch())
        {
            for (var i = 0; i < count; i++)
            {
                var data = new byte[1000 + (i * 7919)];
                new Random(i).NextBytes(data);
                stored.Add(await batch.AddAsync(new MemoryStream(data), default));
            }

            await batch.CommitAsync(default);
        }

        await using var db = database.CreateContext();
        foreach (var d in stored)
        {
            db.StoredObjects.Add(new StoredObject { Sm3 = d.Sm3, Sha256 = d.Sha256, Length = d.Length, StoredAt = DateTimeOffset.UnixEpoch });
        }

        await db.SaveChangesAsync();
        return [.. stored.OrderBy(d => d.Sm3, StringComparer.Ordinal)];
    }

    private static async Task<FixityAuditSummary> AuditAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FixityAudit>().RunAsync(FixityAuditState.Start, 0, null, null, default);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Audit_IntactStore_RecordsSuccessEventPerObject(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var objects = await StoreObjectsAsync(services, database, 5);

        var summary = await AuditAsync(services);

        Assert.True(summary.AllIntact);
        Assert.Equal(5, summary.State.Checked);
        Assert.Equal(objects.Sum(o => o.Length), summary.State.Bytes);
        await using var db = database.CreateContext();
        var events = await db.PreservationEvents.Where(e => e.Type == PreservationEventTypes.FixityCheck).ToListAsync();
        Assert.Equal(objects.Select(o => o.Sm3).Order(StringComparer.Ordinal), events.Select(e => e.ObjectSm3!).Order(StringComparer.Ordinal));
        Assert.All(events, e =>
        {
            Assert.Equal(PreservationEventTypes.Success, e.Outcome);
            Assert.Equal("Lantai", e.Agent);
            Assert.Contains(e.ObjectSm3!, e.Detail, StringComparison.Ordinal);
        });
        Assert.All(await db.StoredObjects.ToListAsync(), o => Assert.Equal(FixityOutcome.Intact, o.LastOutcome));
        Assert.Empty(await db.PreservationAlerts.ToListAsync());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Audit_FlippedByteAndDeletedFile_RaiseMismatchAndMissingAlerts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var objects = await StoreObjectsAsync(services, database, 4);
        var store = services.GetRequiredService<ObjectStore>();
        ObjectStoreTests.FlipByte(store.PathOf(objects[1].Sm3), 500);
        File.Delete(store.PathOf(objects[2].Sm3));

        var summary = await AuditAsync(services);

        Assert.False(summary.AllIntact);
        Assert.Equal((2, 1, 1), (summary.State.Intact, summary.State.Mismatched, summary.State.Missing));
        await using (var db = database.CreateContext())
        {
            var alerts = await db.PreservationAlerts.ToListAsync();
            Assert.Equal(2, alerts.Count);
            Assert.Contains(alerts, a => a.ObjectSm3 == objects[1].Sm3 && a.Outcome == FixityOutcome.Mismatch && a.Message.Contains("摘要不一致", StringComparison.Ordinal));
            Assert.Contains(alerts, a => a.ObjectSm3 == objects[2].Sm3 && a.Outcome == FixityOutcome.Missing && a.Message.Contains("文件丢失", StringComparison.Ordinal));
            var failed = await db.PreservationEvents.Where(e => e.Outcome == PreservationEventTypes.Failure).Select(e => e.ObjectSm3).ToListAsync();
            Assert.Equal(2, failed.Count);
            Assert.Equal(FixityOutcome.Missing, (await db.StoredObjects.SingleAsync(o => o.Sm3 == objects[2].Sm3)).LastOutcome);
        }

        // Found again next month: still one open alert per object and finding.
        await AuditAsync(services);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(2, await db.PreservationAlerts.CountAsync());
            Assert.Equal(8, await db.PreservationEvents.CountAsync());
        }

        // Acknowledged by a person: the alert leaves the dashboard and the audit log says who.
        await using var scope = services.CreateAsyncScope();
        var alerts2 = scope.ServiceProvider.GetRequiredService<PreservationAlerts>();
        var open = await alerts2.ListAsync(includeAcknowledged: false, default);
        var acknowledged = await alerts2.AcknowledgeAsync(open[0].Id, "archivist", default);
        Assert.True(acknowledged.Succeeded);
        Assert.Equal(1, await alerts2.CountOpenAsync(default));
        await using var db2 = database.CreateContext();
        Assert.True(await db2.AuditEntries.AnyAsync(e => e.Action == "preservation.alert.acknowledge" && e.Actor == "archivist"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Job_InterruptedAfterCursor_ResumesWithTheRest(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var objects = await StoreObjectsAsync(services, database, 5);

        // A run that had checked the first two objects (in SM3 order) when the server stopped: its cursor is on the job.
        Guid jobId;
        await using (var scope = services.CreateAsyncScope())
        {
            var (job, created) = await scope.ServiceProvider.GetRequiredService<FixityAuditQueue>().EnqueueAsync(new FixityAuditRequest(0), "tester", default);
            Assert.True(created);
            jobId = job.Id;
            var (again, createdAgain) = await scope.ServiceProvider.GetRequiredService<FixityAuditQueue>().EnqueueAsync(new FixityAuditRequest(0), "tester", default);
            Assert.False(createdAgain); // one is already queued
            Assert.Equal(jobId, again.Id);
        }

        var cursor = JsonSerializer.Serialize(new FixityAuditState(objects[1].Sm3, 2, 2, 0, 0, objects[0].Length + objects[1].Length), JobJson.Options);
        await using (var db = database.CreateContext())
        {
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.Output, cursor));
        }

        var runner = services.GetRequiredService<JobRunner>();
        await runner.RequeueInterruptedAsync(default);
        Assert.True(await runner.RunNextAsync(default));

        await using (var db = database.CreateContext())
        {
            var job = await db.Jobs.SingleAsync(j => j.Id == jobId);
            Assert.Equal(JobState.Succeeded, job.State);
            using var output = JsonDocument.Parse(job.Output!);
            Assert.Equal(5, output.RootElement.GetProperty("checked").GetInt64());
            Assert.Equal(objects.Sum(o => o.Length), output.RootElement.GetProperty("bytes").GetInt64());
            var checkedNow = await db.PreservationEvents.Select(e => e.ObjectSm3!).ToListAsync();
            Assert.Equal(objects.Skip(2).Select(o => o.Sm3).Order(StringComparer.Ordinal), checkedNow.Order(StringComparer.Ordinal));
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Scheduler_StoreWithObjects_EnqueuesOncePerPeriod(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var scheduler = services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<FixityScheduler>().Single();
        Assert.False(await scheduler.EnqueueIfDueAsync(default)); // an empty store has nothing to audit

        await StoreObjectsAsync(services, database, 1);
        Assert.True(await scheduler.EnqueueIfDueAsync(default));
        Assert.False(await scheduler.EnqueueIfDueAsync(default)); // asked for moments ago
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Jobs.CountAsync(j => j.Kind == FixityAuditJob.JobKind));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Cli_AuditFixity_ExitsOneOnDamageAndZeroWhenIntact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        List<StoredDigests> objects;
        string damaged;
        await using (var services = Services(database))
        {
            objects = await StoreObjectsAsync(services, database, 3);
            damaged = services.GetRequiredService<ObjectStore>().PathOf(objects[0].Sm3);
        }

        var intact = await CliRunner.RunAsync([.. CliRunner.Target(database), "audit", "fixity"]);
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("全部完好", intact.Output, StringComparison.Ordinal);

        ObjectStoreTests.FlipByte(damaged, 10);
        var failed = await CliRunner.RunAsync([.. CliRunner.Target(database), "--json", "audit", "fixity"]);
        Assert.Equal(1, failed.ExitCode);
        using var json = JsonDocument.Parse(failed.Output);
        Assert.Equal(1, json.RootElement.GetProperty("mismatched").GetInt32());
        Assert.Equal(objects[0].Sm3, json.RootElement.GetProperty("failures")[0].GetProperty("sm3").GetString());
    }
}
