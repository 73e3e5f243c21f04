using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Transfer;
using Lantai.Transfer.Checks;

namespace Lantai.Tests.Transfer;

/// <summary>
/// A checked transfer written straight into the tables (as the lead's check job leaves it): two items, one that passed
/// and one that failed, three files and a report with lines in every property and every outcome.
/// </summary>
internal static class TransferTestData
{
    public const string PassedCode = "0426-WS·2023-Y-BGS-0012";
    public const string FailedCode = "0426-WS·2023-Y-BGS-0013";

    public static TransferDetail Detail(TransferState state = TransferState.Checked)
    {
        var at = new DateTimeOffset(2026, 11, 20, 1, 30, 0, TimeSpan.Zero); // 09:30 in Beijing
        var transfer = new TransferPackage
        {
            Name = "示例旗档案局2023年文书档案移交.zip",
            Kind = PackageKind.Zip,
            State = state,
            TransferringUnit = "示例旗人民政府办公室",
            PackageSm3 = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
            FileCount = 3,
            TotalBytes = 123_456,
            ItemCount = 2,
            StoragePath = "staging/test",
            ReceivedBy = "archivist",
            ReceivedAt = at,
            CheckedAt = at.AddMinutes(1),
        };
        var passed = new TransferItem
        {
            TransferId = transfer.Id,
            RowNumber = 2,
            ArchivalCode = PassedCode,
            Title = "关于做好2023年档案移交工作的通知",
            RecordJson = "{}",
            State = TransferItemState.Passed,
        };
        var failed = new TransferItem
        {
            TransferId = transfer.Id,
            RowNumber = 3,
            ArchivalCode = FailedCode,
            Title = "关于印发年度工作要点的通知",
            RecordJson = "{}",
            State = TransferItemState.Failed,
            Reason = "文件缺失",
        };
        var files = new List<TransferFile>
        {
            new() { TransferId = transfer.Id, ItemId = passed.Id, Sequence = 1, OriginalPath = "文件/通知.pdf", PathKey = "文件/通知.pdf", StagingKey = "f/0001", Length = 100_000, FormatId = "pdf-a-2", MediaType = "application/pdf" },
            new() { TransferId = transfer.Id, ItemId = passed.Id, Sequence = 2, OriginalPath = "文件/附件 100%.jpg", PathKey = "文件/附件 100%.jpg", StagingKey = "f/0002", Length = 23_000, FormatId = "jpeg", MediaType = "image/jpeg" },
            new() { TransferId = transfer.Id, ItemId = null, Sequence = 1, OriginalPath = "多余.txt", PathKey = "多余.txt", StagingKey = "f/0003", Length = 456, FormatId = "txt", MediaType = "text/plain" },
        };
        var run = new CheckRun
        {
            Stage = CheckStage.Transfer,
            TransferId = transfer.Id,
            StartedAt = at.AddSeconds(10),
            FinishedAt = at.AddSeconds(40),
            Outcome = CheckOutcome.Failed,
            Actor = "archivist",
            Tools = "Lantai 0.1; PdfPig 0.1.11",
        };
        var sequence = 0;
        CheckResult Line(string code, string name, CheckProperty property, CheckOutcome outcome, string evidence, Guid? item = null, string? file = null, bool blocking = true) =>
            new()
            {
                RunId = run.Id,
                Sequence = ++sequence,
                Code = code,
                Name = name,
                Property = property,
                Outcome = outcome,
                Blocking = blocking,
                Evidence = evidence,
                ItemId = item,
                FilePath = file,
            };
        var results = new List<CheckResult>
        {
            Line("YJ-1-1", "固化信息有效性检测", CheckProperty.Authenticity, CheckOutcome.Passed, "声明SM3与计算值一致", passed.Id, "文件/通知.pdf"),
            Line("YJ-1-7", "档号规范性检测", CheckProperty.Authenticity, CheckOutcome.Passed, "档号符合模板", passed.Id),
            Line("YJ-2-1", "电子文件数量相符性检测", CheckProperty.Integrity, CheckOutcome.Failed, "第3行 文件“正文.pdf”不在包内", failed.Id),
            Line("YJ-4-3", "无多余文件检测", CheckProperty.Integrity, CheckOutcome.Warning, "包内文件“多余.txt”不属于任何条目", null, "多余.txt", blocking: false),
            Line("YJ-3-3", "文件格式检测", CheckProperty.Usability, CheckOutcome.Passed, "PDF/A-2b，1页", passed.Id, "文件/通知.pdf"),
            Line("YJ-4-2", "病毒检测", CheckProperty.Security, CheckOutcome.NotChecked, "未安装ClamAV（clamscan/clamdscan），未检测"),
            Line("YJ-4-1", "文件名安全性检测", CheckProperty.Security, CheckOutcome.Passed, "文件名不含控制字符\u0001以外的内容"),
        };
        return new TransferDetail { Transfer = transfer, Items = [passed, failed], Files = files, Run = run, Results = results };
    }

    /// <summary>Writes a <see cref="Detail"/> into the database and returns it.</summary>
    public static async Task<TransferDetail> InsertAsync(LantaiDbContext db, TransferState state = TransferState.Checked)
    {
        var detail = Detail(state);
        db.Transfers.Add(detail.Transfer);
        db.TransferItems.AddRange(detail.Items);
        db.TransferFiles.AddRange(detail.Files);
        db.CheckRuns.Add(detail.Run!);
        db.CheckResults.AddRange(detail.Results);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return detail;
    }

    /// <summary>The record an item became, for pages that link to it.</summary>
    public static RecordId RecordOf(TransferDetail detail, string archivalCode) =>
        detail.Items.Single(i => i.ArchivalCode == archivalCode).RecordId;
}
