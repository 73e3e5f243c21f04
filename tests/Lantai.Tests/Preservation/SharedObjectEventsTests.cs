using System.Xml.Linq;
using Lantai.Preservation;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Preservation;

/// <summary>
/// Records whose files have the same bytes share one stored object. Each record's history (the record page and the
/// AIP's events.xml) holds the object's own events (fixity audits) but not the events of ingesting those bytes under
/// another record: a form attached to thousands of records would otherwise put thousands of strangers' events in each.
/// </summary>
public sealed class SharedObjectEventsTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RecordsSharingAnObject_EachKeepItsOwnIngestEvents_AndTheObjectsAuditEvents(DatabaseProvider provider)
    {
        await using var harness = await TransferHarness.CreateAsync(provider, s => s.AddLogging());
        var package = harness.Package("同一附件",
            (1, "关于甲事项的通知", [("甲/附件.jpg", "scan-200dpi.jpg")]),
            (2, "关于乙事项的通知", [("乙/附件.jpg", "scan-200dpi.jpg")]),
            (3, "关于丙事项的通知", [("丙/附件.jpg", "scan-200dpi.jpg")]));
        var transfer = await harness.ReceiveAndCheckAsync(package);
        await harness.AcceptAndIngestAsync(transfer.Id);
        await harness.RunAsync<FixityAudit, FixityAuditSummary>(a => a.RunAsync(FixityAuditState.Start, 0, null, null, default));
        await harness.RunAsync<AipKeeper, int?>(k => k.CatchUpAsync(null, default));

        await using var db = harness.Database.CreateContext();
        var records = await db.Records.Where(r => r.FondsCode == "0426").OrderBy(r => r.ArchivalCode).ToListAsync();
        Assert.Equal(3, records.Count);
        Assert.Single(await db.RecordFiles.Where(f => records.Select(r => r.Id).Contains(f.RecordId)).Select(f => f.ObjectSm3).Distinct().ToListAsync());
        foreach (var (record, folder) in records.Zip(["甲", "乙", "丙"]))
        {
            var events = await harness.RunAsync<RecordFileQueries, IReadOnlyList<PreservationEvent>>(q => q.EventsAsync(record.Id, default));
            var digests = events.Where(e => e.Type == PreservationEventTypes.MessageDigestCalculation).ToList();
            Assert.StartsWith($"“{folder}/附件.jpg” SM3", Assert.Single(digests).Detail, StringComparison.Ordinal);
            Assert.Single(events, e => e.Type == PreservationEventTypes.FixityCheck);

            var xml = XDocument.Load(Path.Combine(AipLocation.PathOf(harness.Database.DataDir, record.Id), "data", "metadata", "events.xml"));
            var details = xml.Descendants().Where(e => e.Name.LocalName == "eventDetail").Select(e => e.Value).ToList();
            Assert.Single(details, d => d.Contains("附件.jpg” SM3", StringComparison.Ordinal));
            Assert.Contains(details, d => d.StartsWith($"“{folder}/附件.jpg” SM3", StringComparison.Ordinal));
            Assert.Equal(events.Count, xml.Descendants().Count(e => e.Name.LocalName == "event"));
        }
    }
}
