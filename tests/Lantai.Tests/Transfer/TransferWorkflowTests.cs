using System.Security.Cryptography;
using Lantai.Data;
using Lantai.Preservation;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Lantai.Transfer;
using Lantai.Transfer.Checks;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Transfer;

public sealed class TransferWorkflowTests
{
    private const string Notice = "0426-WS·2023-Y-BGS-0012.pdfa.pdf";

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GoodPackage_CheckedThenAccepted_BecomesRecordsWithStoredFilesEventsAndAuditChain(DatabaseProvider provider)
    {
        await using var harness = await TransferHarness.CreateAsync(provider);
        var package = harness.Package("2023年第一批移交",
            (1, "关于做好2023年度档案移交工作的通知", [("通知.pdf", Notice), ("附件/扫描件 第1页.tif", "scan-300dpi-grey.tif")]),
            (2, "示例旗2023年工作简报", [("简报.ofd", "文字横向-数科.ofd")]),
            (3, "关于会议纪要的说明", [("纪要.docx", "0426-WS·2023-Y-BGS-0012.docx")]));

        var checkedTransfer = await harness.ReceiveAndCheckAsync(package);

        Assert.Equal(TransferState.Checked, checkedTransfer.State);
        var detail = (await harness.DetailAsync(checkedTransfer.Id))!;
        Assert.Equal(3, detail.Items.Count);
        Assert.Equal(4, detail.Files.Count);
        Assert.True(
            detail.Items.Select(i => i.State).SequenceEqual([TransferItemState.Passed, TransferItemState.Passed, TransferItemState.Failed]),
            string.Join("\n", detail.Items.Select(i => $"{i.RowNumber} {i.State} {i.Reason}")));
        Assert.Contains("纪要.docx", detail.Items[2].Reason, StringComparison.Ordinal);
        Assert.Contains(detail.Files, f => f.OriginalPath == "附件/扫描件 第1页.tif" && f.FormatId is not null);
        Assert.NotNull(detail.Run);
        Assert.All(detail.Results, r => Assert.Matches(@"^(LT-)?(GD|YJ|BC)-\d-\d+(-\d+)?$", r.Code));

        var accepted = await harness.AcceptAndIngestAsync(checkedTransfer.Id);

        Assert.Equal(TransferState.Accepted, accepted.State);
        await using var db = harness.Database.CreateContext();
        var records = await db.Records.Where(r => r.FondsCode == "0426").OrderBy(r => r.ArchivalCode).ToListAsync();
        Assert.Equal(["0426-WS·2023-Y-BGS-0001", "0426-WS·2023-Y-BGS-0002"], records.Select(r => r.ArchivalCode));
        var files = await db.RecordFiles.Where(f => f.RecordId == records[0].Id).OrderBy(f => f.Sequence).ToListAsync();
        Assert.Equal(["通知.pdf", "附件/扫描件 第1页.tif"], files.Select(f => f.OriginalName));
        var store = new ObjectStore(harness.Database.Options);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(store.PathOf(file.ObjectSm3));
            Assert.Equal(file.ObjectSm3, Sm3.HashHex(bytes));
            var stored = await db.StoredObjects.SingleAsync(o => o.Sm3 == file.ObjectSm3);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        }

        var events = await db.PreservationEvents.Where(e => e.RecordId == records[0].Id).Select(e => e.Type).ToListAsync();
        Assert.Contains(PreservationEventTypes.Ingestion, events);
        Assert.Contains(PreservationEventTypes.MessageDigestCalculation, events);
        Assert.Contains(PreservationEventTypes.FormatIdentification, events);
        Assert.Contains(PreservationEventTypes.Validation, events);
        Assert.Contains(PreservationEventTypes.Accession, events);
        Assert.Equal(2, await db.OutboxMessages.CountAsync(o => o.Kind == OutboxKinds.RecordChanged));
        Assert.True((await new AuditVerifier(db).VerifyAsync(null, default)).Intact);
        // The batch's entry, written by the bulk path at the commit, is in the chain verified above.
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "transfer.ingest" && a.EntityId == accepted.Id.ToString()));

        // The failed item was not taken, so the package waits in quarantine for an administrator.
        var after = await db.Transfers.SingleAsync(t => t.Id == accepted.Id);
        Assert.StartsWith("quarantine", after.StoragePath, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(harness.Database.DataDir, after.StoragePath)));
        Assert.False(Directory.Exists(Path.Combine(harness.Database.DataDir, TransferFolders.StagingPathOf(after.Id))));
        // Only the failed item's files wait there: the ingested ones are the store's objects (hard links), never left
        // where something could alter them.
        var content = Path.Combine(harness.Database.DataDir, after.StoragePath, "content");
        var left = await db.TransferFiles.Where(f => f.TransferId == accepted.Id).ToListAsync();
        var failedItem = detail.Items[2].Id;
        Assert.All(left, f => Assert.Equal(f.ItemId == failedItem, File.Exists(Path.Combine(content, f.StagingKey))));
    }

    [Fact]
    public async Task AllPassedAndAllAccepted_StagedCopiesAreRemoved()
    {
        await using var harness = await TransferHarness.CreateAsync(DatabaseProvider.Sqlite);
        var package = harness.Package("单件", (7, "关于档案工作的通知", [("通知.pdf", Notice)]));
        var transfer = await harness.ReceiveAndCheckAsync(package);

        await harness.AcceptAndIngestAsync(transfer.Id);

        Assert.False(Directory.Exists(Path.Combine(harness.Database.DataDir, TransferFolders.StagingPathOf(transfer.Id))));
        Assert.True(File.Exists(Path.Combine(package, "通知.pdf"))); // the operator's own folder is never touched
    }

    [Fact]
    public async Task FailedItem_CannotBeAccepted_AndSelectedItemsOnlyAreStored()
    {
        await using var harness = await TransferHarness.CreateAsync(DatabaseProvider.Sqlite);
        var package = harness.Package("选择接收",
            (1, "第一件", [("1.pdf", Notice)]),
            (2, "第二件", [("2.ofd", "helloworld.ofd")]),
            (3, "第三件", [("3.docx", "0426-WS·2023-Y-BGS-0012.docx")]));
        var transfer = await harness.ReceiveAndCheckAsync(package);
        var items = (await harness.DetailAsync(transfer.Id))!.Items;

        var refused = await harness.RunAsync<TransferService, Lantai.Common.Result<TransferPackage>>(s => s.AcceptInForegroundAsync(transfer.Id, [items[2].Id], "archivist", default));
        await harness.AcceptAndIngestAsync(transfer.Id, [items[1].Id]);

        Assert.False(refused.Succeeded);
        Assert.Contains("第4行", refused.Errors[0].Message, StringComparison.Ordinal);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(["0426-WS·2023-Y-BGS-0002"], await db.Records.Select(r => r.ArchivalCode).ToListAsync());
        var states = await db.TransferItems.OrderBy(i => i.RowNumber).Select(i => i.State).ToListAsync();
        Assert.Equal([TransferItemState.Rejected, TransferItemState.Ingested, TransferItemState.Rejected], states);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reject_MovesFilesToQuarantineUntouched_ThenAdministratorDeletesThem(DatabaseProvider provider)
    {
        await using var harness = await TransferHarness.CreateAsync(provider);
        var package = harness.Package("退回", (1, "关于档案工作的通知", [("通知.pdf", Notice)]));
        var transfer = await harness.ReceiveAndCheckAsync(package);

        var noReason = await harness.RunAsync<TransferService, Lantai.Common.Result<TransferPackage>>(s => s.RejectAsync(transfer.Id, "  ", "archivist", default));
        var rejected = await harness.RunAsync<TransferService, Lantai.Common.Result<TransferPackage>>(s => s.RejectAsync(transfer.Id, "目录与文件不符，请重新整理后移交", "archivist", default));

        Assert.False(noReason.Succeeded);
        Assert.True(rejected.Succeeded);
        var quarantine = Path.Combine(harness.Database.DataDir, rejected.Value.StoragePath);
        var staged = Directory.EnumerateFiles(Path.Combine(quarantine, "content"), "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(staged);
        Assert.Contains(staged, f => File.ReadAllBytes(f).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(package, "通知.pdf"))));

        var deleted = await harness.RunAsync<TransferService, Lantai.Common.Result<TransferPackage>>(s => s.DeleteFilesAsync(transfer.Id, "admin", default));

        Assert.True(deleted.Succeeded);
        Assert.Equal(TransferState.Deleted, deleted.Value.State);
        Assert.False(Directory.Exists(quarantine));
        Assert.NotNull((await harness.DetailAsync(transfer.Id))!.Run); // the report stays
        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.Records.CountAsync());
    }

    [Fact]
    public async Task CodeRegisteredBetweenCheckAndIngest_FailsThatItemOnly()
    {
        await using var harness = await TransferHarness.CreateAsync(DatabaseProvider.Sqlite);
        var package = harness.Package("并发登记", (1, "第一件", [("1.pdf", Notice)]), (2, "第二件", [("2.ofd", "helloworld.ofd")]));
        var transfer = await harness.ReceiveAndCheckAsync(package);
        await harness.RunAsync<Lantai.Catalogue.RecordService, int>(async s =>
        {
            var created = await s.CreateAsync(new Lantai.Catalogue.RecordDraft
            {
                FondsCode = "0426",
                Year = 2023,
                RetentionCode = "Y",
                OrgUnitCode = "BGS",
                ItemNumber = 1,
                Title = "抢先登记的文件",
            }, "other", default);
            Assert.True(created.Succeeded, created.Succeeded ? "" : created.Errors[0].Message);
            return 0;
        });

        await harness.AcceptAndIngestAsync(transfer.Id);

        var items = (await harness.DetailAsync(transfer.Id))!.Items;
        Assert.Equal(TransferItemState.Failed, items[0].State);
        Assert.Contains("0426-WS·2023-Y-BGS-0001", items[0].Reason, StringComparison.Ordinal);
        Assert.Equal(TransferItemState.Ingested, items[1].State);
    }

    [Fact]
    public async Task HostileZip_IsRefusedWithAReport_AndNothingIsKept()
    {
        await using var harness = await TransferHarness.CreateAsync(DatabaseProvider.Sqlite);
        var zip = Path.Combine(harness.Database.DataDir, "evil.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            archive.CreateEntry("目录.csv");
            archive.CreateEntry("../../逃逸.pdf");
        }

        var transfer = await harness.ReceiveAndCheckAsync(zip);

        Assert.Equal(TransferState.Refused, transfer.State);
        var detail = (await harness.DetailAsync(transfer.Id))!;
        Assert.Contains(detail.Results, r => r.Outcome == CheckOutcome.Failed && r.Evidence.Contains("../../逃逸.pdf", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(harness.Database.DataDir, TransferFolders.StagingPathOf(transfer.Id))));
        Assert.False(Directory.Exists(Path.Combine(harness.Database.DataDir, "store")) && Directory.EnumerateFiles(Path.Combine(harness.Database.DataDir, "store"), "*", SearchOption.AllDirectories).Any());
    }
}
