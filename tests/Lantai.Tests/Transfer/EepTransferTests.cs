using Lantai.Tests.Infrastructure;
using Lantai.Tests.Samples;
using Lantai.Tests.Transfer.Packages;
using Lantai.Transfer;
using Lantai.Transfer.Checks;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Transfer;

/// <summary>An EEP (DA/T 48) goes through the same check, report and ingest as any package.</summary>
public sealed class EepTransferTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Eep_CheckedAndAccepted_BecomesARecordWithItsMetadataAndFiles(DatabaseProvider provider)
    {
        await using var harness = await TransferHarness.CreateAsync(provider);
        var pdf = await File.ReadAllBytesAsync(ContentSamples.File("0426-WS·2023-Y-BGS-0012.pdfa.pdf"));
        var folder = Path.Combine(harness.Database.DataDir, "incoming");
        Directory.CreateDirectory(folder);
        var path = new EepWriter { Item = 7, Title = "关于做好档案移交工作的通知" }.With("正文.pdf", pdf).WriteTo(Path.Combine(folder, "通知.eep"));

        var transfer = await harness.ReceiveAndCheckAsync(path);

        Assert.Equal(TransferState.Checked, transfer.State);
        Assert.Equal(PackageKind.Eep, transfer.Kind);
        var detail = (await harness.DetailAsync(transfer.Id))!;
        var item = Assert.Single(detail.Items);
        Assert.True(item.State == TransferItemState.Passed, item.Reason);
        Assert.Contains(detail.Results, r => r.Name == "总字节数相符性检测" && r.Outcome == CheckOutcome.Passed);

        await harness.AcceptAndIngestAsync(transfer.Id);

        await using var db = harness.Database.CreateContext();
        var record = await db.Records.SingleAsync(r => r.FondsCode == "0426");
        Assert.Equal("关于做好档案移交工作的通知", record.Title);
        Assert.Equal("示旗政办发〔2023〕7号", record.DocumentNumber);
        Assert.Equal("示例旗人民政府办公室", record.Author);
        Assert.Equal(7, record.ItemNumber);
        Assert.Equal(new DateOnly(2023, 3, 12), record.Date);
        Assert.Equal("正文.pdf", (await db.RecordFiles.SingleAsync(f => f.RecordId == record.Id)).OriginalName);
    }

    [Fact]
    public async Task Eep_DeclaredSizeWrong_FailsTheByteCountCheck()
    {
        await using var harness = await TransferHarness.CreateAsync(DatabaseProvider.Sqlite);
        var pdf = await File.ReadAllBytesAsync(ContentSamples.File("0426-WS·2023-Y-BGS-0012.pdf"));
        var folder = Path.Combine(harness.Database.DataDir, "incoming");
        Directory.CreateDirectory(folder);
        var path = new EepWriter().With("正文.pdf", pdf, declared: pdf.Length + 1).WriteTo(Path.Combine(folder, "大小不符.eep"));

        var transfer = await harness.ReceiveAndCheckAsync(path);

        var detail = (await harness.DetailAsync(transfer.Id))!;
        var line = Assert.Single(detail.Results, r => r.Name == "总字节数相符性检测");
        Assert.Equal(CheckOutcome.Failed, line.Outcome);
        Assert.Contains("EEP", line.Evidence, StringComparison.Ordinal);
    }
}
