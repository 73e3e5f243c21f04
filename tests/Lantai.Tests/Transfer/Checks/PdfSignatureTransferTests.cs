using Lantai.Tests.Infrastructure;
using Lantai.Tests.Preservation.Formats;
using Lantai.Tests.Samples;
using Lantai.Transfer;
using Lantai.Transfer.Checks;

namespace Lantai.Tests.Transfer.Checks;

/// <summary>A transfer package with signed PDFs, checked by the engine as the server wires it, end to end.</summary>
public sealed class PdfSignatureTransferTests
{
    private const string Notice = ContentSamples.NoticeBaseName + ".pdf";

    [Fact]
    public async Task Package_WithSignedPdf_ReportHasPassingSignatureLine_AndChangedPdfFailsItsItem()
    {
        await using var harness = await TransferHarness.CreateAsync(DatabaseProvider.Sqlite);
        var package = harness.Package("签名文件移交",
            (1, "关于做好2023年度档案移交工作的通知", [("通知（已签名）.pdf", Notice)]),
            (2, "关于做好2023年度档案移交工作的通知（签名后被改）", [("通知（签名后被改）.pdf", Notice)]));
        var signed = SignedPdfs.Sign(SignedPdfs.Notice(), SignedPdfs.Rsa);
        var changed = (byte[])signed.Clone();
        changed[changed.AsSpan().IndexOf("FEFF0057"u8) + 7] = (byte)'8';
        await File.WriteAllBytesAsync(Path.Combine(package, "通知（已签名）.pdf"), signed);
        await File.WriteAllBytesAsync(Path.Combine(package, "通知（签名后被改）.pdf"), changed);

        var transfer = await harness.ReceiveAndCheckAsync(package);

        Assert.Equal(TransferState.Checked, transfer.State);
        var detail = (await harness.DetailAsync(transfer.Id))!;
        var good = detail.Results.Single(r => r.Code == "YJ-1-1-2" && r.FilePath == "通知（已签名）.pdf");
        Assert.Equal(CheckOutcome.Passed, good.Outcome);
        Assert.Contains("签名有效", good.Evidence, StringComparison.Ordinal);
        Assert.Contains("测试签名者 RSA", good.Evidence, StringComparison.Ordinal);
        var bad = detail.Results.Single(r => r.Code == "YJ-1-1-2" && r.FilePath == "通知（签名后被改）.pdf");
        Assert.Equal(CheckOutcome.Failed, bad.Outcome);
        Assert.Contains("摘要不一致", bad.Evidence, StringComparison.Ordinal);
        Assert.Equal(TransferItemState.Passed, detail.Items.Single(i => i.RowNumber == 2).State);
        Assert.Equal(TransferItemState.Failed, detail.Items.Single(i => i.RowNumber == 3).State);
    }
}
