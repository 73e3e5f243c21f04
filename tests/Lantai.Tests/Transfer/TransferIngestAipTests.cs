using System.Diagnostics;
using Lantai.Common;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Tests.Infrastructure;
using Lantai.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Transfer;

/// <summary>
/// The ingest job with its AIP keeper beside it (as the server's job runner and `lantai transfer ingest --accept` run
/// it): the AIPs of a committed batch are written while the ingest is still at work on the next ones.
/// </summary>
public sealed class TransferIngestAipTests
{
    private const int Items = 12;
    private const int BatchItems = 3;

    /// <summary>
    /// After its first batch's commit the ingest is held in its progress report (called on the ingest's own flow) until
    /// that batch's AIPs are durable and no longer wanted. Only a keeper running beside the ingest can write them then;
    /// without one this test waits a minute and fails.
    /// </summary>
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task IngestJob_WritesTheAipsOfCommittedBatches_WhileTheIngestStillRuns(DatabaseProvider provider)
    {
        await using var harness = await TransferHarness.CreateAsync(provider, services => services.AddLogging().AddScoped(sp => new TransferIngester(
            sp.GetRequiredService<LantaiDbContext>(), sp.GetRequiredService<TransferFolders>(), sp.GetRequiredService<ObjectStore>(), sp.GetRequiredService<TimeProvider>())
        { BatchItems = BatchItems }));
        var samples = new[] { ("扫描件.jpg", "scan-200dpi.jpg"), ("扫描件.tif", "scan-300dpi-grey.tif"), ("通知.pdf", "0426-WS·2023-Y-BGS-0012.pdfa.pdf") };
        var package = harness.Package("分批接收", [.. Enumerable.Range(1, Items).Select(i =>
            (i, $"第{i}件", new[] { ($"第{i:00}件/{samples[i % 3].Item1}", samples[i % 3].Item2) }))]);
        var checkedTransfer = await harness.ReceiveAndCheckAsync(package);
        Assert.Equal(TransferState.Checked, checkedTransfer.State);
        var queued = await harness.RunAsync<TransferService, Result<Job>>(s => s.AcceptAsync(checkedTransfer.Id, null, "archivist", default));
        Assert.True(queued.Succeeded);

        Midway? midway = null;
        var held = 0;
        var job = await harness.Services.GetRequiredService<JobRunner>().RunNowAsync(queued.Value.Id, new Observer(p =>
        {
            if (p.Done == BatchItems && p.Total == Items && Interlocked.Exchange(ref held, 1) == 0)
            {
                midway = HoldUntilNoAipIsWantedAsync(harness.Database).GetAwaiter().GetResult();
            }
        }), default);

        Assert.Equal(JobState.Succeeded, job?.State);
        Assert.NotNull(midway);
        Assert.Equal(TransferState.Ingesting, midway.Transfer);
        Assert.Equal(BatchItems, midway.Ingested);
        Assert.Equal(0, midway.Wanted);
        Assert.Equal(BatchItems, midway.Bags.Count);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(TransferState.Accepted, (await db.Transfers.SingleAsync()).State);
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.AipWanted));
        var records = await db.Records.Select(r => r.Id).ToListAsync();
        Assert.Equal(Items, records.Count);
        foreach (var record in records)
        {
            var aip = AipLocation.PathOf(harness.Database.DataDir, record);
            Assert.Equal("OK", (await Lantai.Tests.Preservation.AipIngestTests.VerifyWithPythonAsync(aip)).Split(' ')[0]);
        }

        Assert.Empty(Directory.EnumerateDirectories(AipLocation.Root(harness.Database.DataDir), ".*", SearchOption.AllDirectories));
    }

    /// <summary>What the archive looked like while the ingest was held after its first batch.</summary>
    private sealed record Midway(TransferState Transfer, int Ingested, int Wanted, IReadOnlyList<string> Bags);

    private static async Task<Midway> HoldUntilNoAipIsWantedAsync(TestDatabase database)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = database.CreateContext();
            var wanted = await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.AipWanted);
            if (wanted == 0 || clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                var root = AipLocation.Root(database.DataDir);
                var bags = Directory.Exists(root) ? Directory.EnumerateFiles(root, "manifest-sm3.txt", SearchOption.AllDirectories).ToList() : [];
                return new Midway((await db.Transfers.SingleAsync()).State, await db.TransferItems.CountAsync(i => i.State == TransferItemState.Ingested), wanted, bags);
            }

            await Task.Delay(20);
        }
    }

    private sealed class Observer(Action<JobProgress> report) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => report(value);
    }
}
