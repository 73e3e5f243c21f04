using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Lantai.Catalogue;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Tests.Catalogue;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Samples;
using Lantai.Tests.Transfer;
using Lantai.Transfer;
using Lantai.Transfer.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Preservation;

/// <summary>
/// The ingest asking for AIPs and the AIP keeper writing them through <see cref="AipWriter"/>: a checked transfer (rows
/// and staged files written directly, as the check leaves them) is accepted and ingested; the record waits for its AIP
/// until the keeper runs; the AIP is then read as an archivist would.
/// </summary>
public sealed class AipIngestTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ingest_AsksForTheAip_AndTheKeeperWritesABagWithTheRecordItsLinesAndEvents(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection().AddLogging().AddLantaiEngine(database.Options).BuildServiceProvider();
        await using var _ = services;
        var detail = TransferTestData.Detail();
        var item = detail.Items.Single(i => i.State == TransferItemState.Passed);
        await using (var db = database.CreateContext())
        {
            var fonds = await CatalogueTestData.CreateFondsAsync(db);
            var record = new Lantai.Catalogue.Record
            {
                FondsId = fonds.Id,
                FondsCode = fonds.Code,
                CategoryCode = "WS",
                Year = 2023,
                RetentionCode = "Y",
                OrgUnitCode = "BGS",
                ItemNumber = 12,
                GroupKey = GroupKeys.ForItem(fonds.Code, "WS", 2023, "Y", "BGS"),
                ArchivalCode = item.ArchivalCode,
                Title = item.Title,
                Author = "示例旗人民政府办公室",
            };
            item.RecordJson = JsonSerializer.Serialize(record, JobJson.Options);
            detail.Transfer.StoragePath = TransferFolders.StagingPathOf(detail.Transfer.Id);
            var content = new TransferFolders(database.Options).ContentOf(detail.Transfer);
            foreach (var (file, sample) in detail.Files.Where(f => f.ItemId == item.Id)
                .Zip([ContentSamples.File(ContentSamples.NoticeBaseName + ".pdfa.pdf"), ContentSamples.File("scan-200dpi.jpg")]))
            {
                var path = Path.Combine(content, file.StagingKey);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Copy(sample, path);
                file.Length = new FileInfo(path).Length;
            }

            db.ChangeTracker.Clear();
            db.Transfers.Add(detail.Transfer);
            db.TransferItems.AddRange(detail.Items);
            db.TransferFiles.AddRange(detail.Files);
            db.CheckRuns.Add(detail.Run!);
            db.CheckResults.AddRange(detail.Results);
            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var accepted = await scope.ServiceProvider.GetRequiredService<TransferService>().AcceptInForegroundAsync(detail.Transfer.Id, null, "archivist", default);
            Assert.True(accepted.Succeeded, accepted.Succeeded ? "" : accepted.Errors[0].Message);
            await scope.ServiceProvider.GetRequiredService<TransferIngester>().RunAsync(detail.Transfer.Id, "archivist", null, default);
        }

        var aip = AipLocation.PathOf(database.DataDir, item.RecordId);
        Assert.False(Directory.Exists(aip), "the AIP is written after the commit, by the keeper");
        await using (var scope = services.CreateAsyncScope())
        {
            var keeper = scope.ServiceProvider.GetRequiredService<AipKeeper>();
            Assert.Equal(1, await keeper.PendingAsync(default));
            Assert.True(await keeper.IsPendingAsync(item.RecordId, default));
            Assert.Equal(1, await keeper.CatchUpAsync(null, default));
            Assert.Equal(0, await keeper.PendingAsync(default));
            Assert.Equal(0, await keeper.CatchUpAsync(null, default));
        }

        Assert.True(Directory.Exists(aip), aip);
        Assert.True(File.Exists(Path.Combine(aip, "data", "content", "文件", "通知.pdf")));
        Assert.True(File.Exists(Path.Combine(aip, "data", "content", "文件", "附件 100%.jpg")));
        Assert.Equal("OK", (await VerifyWithPythonAsync(aip)).Split(' ')[0]);
        var info = await File.ReadAllTextAsync(Path.Combine(aip, "bag-info.txt"));
        Assert.Contains("External-Identifier: " + item.ArchivalCode, info, StringComparison.Ordinal);
        Assert.Contains("Bag-Group-Identifier: " + detail.Transfer.Id, info, StringComparison.Ordinal);
        XNamespace r = CheckReportXml.Namespace;
        var lines = XDocument.Load(Path.Combine(aip, "data", "metadata", "check-report.xml")).Root!
            .Element(r + "检测项列表")!.Elements().Select(e => e.Element(r + "编号")!.Value).ToList();
        Assert.Equal(["YJ-1-1", "YJ-1-7", "YJ-3-3"], lines);
        XNamespace premis = "http://www.loc.gov/premis/v3";
        var types = XDocument.Load(Path.Combine(aip, "data", "metadata", "events.xml")).Root!
            .Elements(premis + "event").Select(e => e.Element(premis + "eventType")!.Value).ToList();
        Assert.Contains(PreservationEventTypes.Ingestion, types);
        await using var check = database.CreateContext();
        Assert.Equal(2, await check.RecordFiles.CountAsync(f => f.RecordId == item.RecordId));
    }

    /// <summary>Python's hashlib recomputes every line of the four manifests; "OK n" or the first mismatch.</summary>
    internal static async Task<string> VerifyWithPythonAsync(string bag)
    {
        const string Script = """
            import hashlib, os, sys
            bag = sys.argv[1]
            def decode(p): return p.replace('%0D', '\r').replace('%0A', '\n').replace('%25', '%')
            checked = 0
            for manifest in ['manifest-sha256.txt', 'manifest-sm3.txt', 'tagmanifest-sha256.txt', 'tagmanifest-sm3.txt']:
                alg = manifest.split('-')[1][:-4]
                for line in open(os.path.join(bag, manifest), encoding='utf-8').read().splitlines():
                    digest, path = line.split(None, 1)
                    if hashlib.new(alg, open(os.path.join(bag, decode(path)), 'rb').read()).hexdigest() != digest:
                        print('MISMATCH', manifest, path); sys.exit(1)
                    checked += 1
            print('OK', checked)
            """;
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(bag);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : output + error;
    }
}
