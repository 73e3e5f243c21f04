using System.Text.Json;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Security;
using Lantai.Transfer.Checks;
using Lantai.Transfer.Packages;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Transfer;

/// <summary>
/// The four-properties check of a received transfer: opens and stages the package (refusing a hostile one), reads its
/// catalogue, runs the check engine, and saves the report, the items and the files in one audited transaction. An
/// interrupted check is simply run again from the start: nothing of it is kept until that transaction commits.
/// </summary>
public sealed class TransferChecker(LantaiDbContext db, TransferFolders folders, TransferCatalogueReader catalogueReader, CheckEngine engine, TimeProvider time)
{
    public PackageLimits Limits { get; init; } = PackageLimits.Default;

    public async Task<TransferPackage> RunAsync(Guid transferId, string sourcePath, string actor, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        var transfer = await db.Transfers.SingleAsync(t => t.Id == transferId, cancellationToken);
        if (transfer.State is not (TransferState.Received or TransferState.Checking))
        {
            return transfer; // checked already: a job run again after a crash that followed the commit
        }

        transfer.State = TransferState.Checking;
        await db.SaveChangesAsync(cancellationToken);

        var content = folders.ContentOf(transfer);
        if (Directory.Exists(content))
        {
            Directory.Delete(content, recursive: true);
        }

        progress?.Report(new JobProgress(0, null, "正在解包并检查封装包"));
        var bytes = new Progress<long>(b => progress?.Report(new JobProgress(b, null, $"已解包 {b / 1048576.0:N1} MB")));
        var staged = await PackageReader.StageAsync(sourcePath, content, Limits, bytes, cancellationToken);
        if (!staged.Succeeded)
        {
            await RefuseAsync(transfer, staged.Errors, actor, cancellationToken);
            return transfer;
        }

        var package = staged.Value;
        CrashPoints.Hit("check.staged");
        var files = package.Files.Select(f => new TransferFile
        {
            TransferId = transfer.Id,
            OriginalPath = f.OriginalPath,
            PathKey = f.PathKey,
            StagingKey = f.StagingKey,
            Length = f.Length,
        }).ToList();
        var declared = package.Files.ToDictionary(f => f.PathKey, f => f.DeclaredDigests, StringComparer.Ordinal);

        progress?.Report(new JobProgress(0, null, "正在读取目录"));
        var catalogue = package.Catalogue is null
            ? new TransferCatalogue { Rows = [], FileErrors = ["包内没有目录文件（目录.xlsx、目录.csv、catalogue.xlsx 或 catalogue.csv）"] }
            : await catalogueReader.ReadAsync(Path.Combine(content, package.Catalogue.StagingKey), package.Catalogue.OriginalPath, cancellationToken);
        var (items, subjects, linkProblems) = LinkItems(transfer.Id, RefuseNewFonds(catalogue), files);

        var context = new CheckContext
        {
            Stage = CheckStage.Transfer,
            TransferId = transfer.Id,
            Root = content,
            Files = files.Select(f => new CheckSubjectFile
            {
                Path = f.OriginalPath,
                PathKey = f.PathKey,
                FullPath = Path.Combine(content, f.StagingKey),
                Length = f.Length,
                ItemId = f.ItemId,
                DeclaredDigests = declared[f.PathKey],
            }).ToList(),
            Items = subjects,
            Declaration = package.Declaration,
            CatalogueProblems = [.. catalogue.FileErrors, .. linkProblems],
            PackageWarnings = [.. package.Warnings, .. catalogue.Warnings],
            Db = db,
        };
        var report = await engine.RunAsync(context, actor, progress, cancellationToken);

        foreach (var file in files)
        {
            if (report.Formats.TryGetValue(file.PathKey, out var format))
            {
                file.FormatId = format.FormatId;
                file.MediaType = format.MediaType;
            }
        }

        JudgeItems(items, files, report.Results);
        MakeDurable(content, files);
        await SaveAsync(transfer, package, files, items, report, actor, cancellationToken);
        return transfer;
    }

    /// <summary>
    /// The staged copies are what the ingest links into the store, and what quarantine keeps of a rejected package: they
    /// are durable before the transfer is marked checked, so a crash after the check cannot leave a checked transfer
    /// whose files were never written out (the kernel may hold them in memory for a long while). One syncfs(2) on Linux.
    /// </summary>
    private static void MakeDurable(string content, List<TransferFile> files)
    {
        if (!Directory.Exists(content))
        {
            return;
        }

        if (FileSync.IsAvailable)
        {
            FileSync.SyncFileSystem(content);
            return;
        }

        foreach (var file in files)
        {
            FileSync.SyncFile(Path.Combine(content, file.StagingKey));
        }
    }

    /// <summary>
    /// A transfer does not found fonds: the archive assigns fonds codes (全宗号) and sets a fonds up before the agency's
    /// first transfer, so a row naming an unknown fonds is an error of the row. New org units are fine: they are
    /// created with the records at ingest.
    /// </summary>
    private static TransferCatalogue RefuseNewFonds(TransferCatalogue catalogue)
    {
        if (catalogue.NewFonds.Count == 0)
        {
            return catalogue;
        }

        var unknown = catalogue.NewFonds.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        return catalogue with
        {
            Rows = [.. catalogue.Rows.Select(row => row.Record is { } record && unknown.Contains(record.FondsCode)
                ? row with { Record = null, Errors = [.. row.Errors, $"全宗号: 全宗“{record.FondsCode}”尚未建立，请先在“全宗”页面建立后再接收"] }
                : row)],
        };
    }

    /// <summary>
    /// Builds an item per catalogue row and ties each file to the row whose 文件 column names it (by NFC path). A file
    /// named by two rows stays with the first; the second row's claim is a catalogue problem.
    /// </summary>
    private static (List<TransferItem> Items, List<CheckSubjectItem> Subjects, List<string> Problems) LinkItems(Guid transferId, TransferCatalogue catalogue, List<TransferFile> files)
    {
        var byKey = files.ToDictionary(f => f.PathKey, StringComparer.Ordinal);
        var items = new List<TransferItem>();
        var subjects = new List<CheckSubjectItem>();
        var problems = new List<string>();
        foreach (var row in catalogue.Rows)
        {
            var item = new TransferItem
            {
                TransferId = transferId,
                RowNumber = row.RowNumber,
                ArchivalCode = row.Record?.ArchivalCode ?? "",
                Title = row.Record?.Title ?? "",
                RecordJson = row.Record is null ? "{}" : JsonSerializer.Serialize(row.Record, JobJson.Options),
            };
            if (row.Record is not null)
            {
                row.Record.Id = item.RecordId;
            }

            var sequence = 0;
            foreach (var reference in row.FileRefs)
            {
                if (!byKey.TryGetValue(reference, out var file))
                {
                    continue; // a missing file is the integrity check's finding, with the row named
                }

                if (file.ItemId is not null)
                {
                    problems.Add($"第{row.RowNumber}行 文件“{reference}”已由另一行登记");
                    continue;
                }

                file.ItemId = item.Id;
                file.Sequence = ++sequence;
            }

            items.Add(item);
            subjects.Add(new CheckSubjectItem { ItemId = item.Id, RowNumber = row.RowNumber, Record = row.Record, FileRefs = row.FileRefs, RowErrors = row.Errors });
        }

        return (items, subjects, problems);
    }

    /// <summary>An item fails when its row could not be read or a blocking line failed for it or for one of its files.</summary>
    private static void JudgeItems(List<TransferItem> items, List<TransferFile> files, IReadOnlyList<CheckResult> results)
    {
        var itemOfPath = files.Where(f => f.ItemId is not null).ToDictionary(f => f.OriginalPath, f => f.ItemId!.Value, StringComparer.Ordinal);
        var failures = results
            .Where(r => r.Blocking && r.Outcome == CheckOutcome.Failed)
            .Select(r => (Item: ItemVerdict.ItemOf(r, itemOfPath), r))
            .Where(x => x.Item is not null)
            .ToLookup(x => x.Item!.Value, x => x.r);
        foreach (var item in items)
        {
            var failed = failures[item.Id].ToList();
            if (item.RecordJson == "{}" || failed.Count > 0)
            {
                item.State = TransferItemState.Failed;
                item.Reason = failed.Count > 0
                    ? Truncate(string.Join("；", failed.Take(5).Select(r => $"{r.Code} {r.Name}：{r.Evidence}")), 4000)
                    : "目录行有错误，无法生成档案条目";
            }
            else
            {
                item.State = TransferItemState.Passed;
            }
        }
    }

    private async Task SaveAsync(TransferPackage transfer, StagedPackage package, List<TransferFile> files, List<TransferItem> items, CheckReport report, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
            db.TransferFiles.AddRange(files);
            db.TransferItems.AddRange(items);
            db.CheckRuns.Add(report.Run);
            db.CheckResults.AddRange(report.Results);
            transfer.State = TransferState.Checked;
            transfer.Kind = package.Kind;
            transfer.PackageSm3 = package.PackageSm3;
            transfer.TransferringUnit = package.TransferringUnit ?? transfer.TransferringUnit;
            transfer.FileCount = files.Count;
            transfer.TotalBytes = files.Sum(f => f.Length);
            transfer.ItemCount = items.Count;
            transfer.CheckedAt = now;
            transfer.Version++;
            db.Entry(transfer).State = EntityState.Modified;
            var passed = items.Count(i => i.State == TransferItemState.Passed);
            db.PreservationEvents.Add(new PreservationEvent
            {
                At = now,
                Type = PreservationEventTypes.Validation,
                Outcome = OutcomeOf(report.Run.Outcome),
                Agent = "Lantai",
                Detail = $"四性检测：{items.Count}件中{passed}件通过，{items.Count - passed}件不通过；{report.Results.Count}项检测结果",
                TransferId = transfer.Id,
            });
            tx.Record("transfer.check", nameof(TransferPackage), transfer.Id.ToString(),
                $"四性检测移交“{transfer.Name}”：{passed}件通过，{items.Count - passed}件不通过",
                after: new { outcome = report.Run.Outcome?.ToString(), items = items.Count, passed, files = files.Count, bytes = transfer.TotalBytes });
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>
    /// A package that could not be opened safely: its report says why (one line per problem, each naming the entry), and
    /// nothing else of it is kept — the staged files and the uploaded zip are deleted.
    /// </summary>
    private async Task RefuseAsync(TransferPackage transfer, IReadOnlyList<Error> errors, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rule = await db.CheckRules.AsNoTracking()
            .Where(r => r.CheckKey == CheckKeys.PackageOpening && r.Stage == CheckStage.Transfer)
            .OrderBy(r => r.SortOrder).FirstOrDefaultAsync(cancellationToken);
        var run = new CheckRun { Stage = CheckStage.Transfer, TransferId = transfer.Id, StartedAt = now, FinishedAt = now, Outcome = CheckOutcome.Failed, Actor = actor };
        var results = errors.Select((e, i) => new CheckResult
        {
            RunId = run.Id,
            Sequence = i + 1,
            Code = rule?.Code ?? "LT-4-1",
            Name = rule?.Name ?? "封装包安全打开",
            Property = CheckProperty.Security,
            Outcome = CheckOutcome.Failed,
            Blocking = true,
            Evidence = Truncate(e.Message, 4000),
            FilePath = e.Field is { Length: <= 1024 } field ? field : null,
        }).ToList();

        await using (var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken))
        {
            db.CheckRuns.Add(run);
            db.CheckResults.AddRange(results);
            transfer.State = TransferState.Refused;
            transfer.Reason = Truncate($"封装包不安全或已损坏，已拒收（{errors.Count}处问题）：{errors[0].Message}", 4000);
            transfer.CheckedAt = now;
            transfer.Version++;
            db.PreservationEvents.Add(new PreservationEvent
            {
                At = now,
                Type = PreservationEventTypes.Rejection,
                Outcome = PreservationEventTypes.Failure,
                Agent = "Lantai",
                Detail = transfer.Reason,
                TransferId = transfer.Id,
            });
            tx.Record("transfer.refuse", nameof(TransferPackage), transfer.Id.ToString(), $"拒收移交包“{transfer.Name}”：{errors[0].Message}",
                after: new { problems = errors.Select(e => e.Message).Take(50) });
            await tx.CommitAsync(cancellationToken);
        }

        foreach (var folder in folders.CandidateFoldersOf(transfer).Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static string OutcomeOf(CheckOutcome? outcome) => outcome switch
    {
        CheckOutcome.Failed => PreservationEventTypes.Failure,
        CheckOutcome.Warning => PreservationEventTypes.Warning,
        _ => PreservationEventTypes.Success,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
