using Lantai.Common;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Preservation.Formats;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Transfer.Checks;

/// <summary>Runs the enabled <see cref="CheckRule"/>s of a stage over a subject and returns the report (saved by the caller).</summary>
/// <remarks>
/// Each rule's check (found by <see cref="CheckRule.CheckKey"/>) judges the whole subject once; its findings become
/// report lines carrying the rule's code, name, property and blocking flag as they were at run time. A rule whose
/// implementation is missing, is manual, or throws still leaves a 未检测 line with the reason, so nothing passes silently.
/// </remarks>
public sealed class CheckEngine(IEnumerable<ICheck> checks, LantaiDbContext db, TimeProvider time, ContentInspections inspections)
{
    private readonly Dictionary<string, ICheck> _checks = checks.ToDictionary(c => c.Key, StringComparer.Ordinal);

    public async Task<CheckReport> RunAsync(CheckContext context, string actor, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = new CheckRun
        {
            Stage = context.Stage,
            TransferId = context.TransferId,
            StartedAt = time.GetUtcNow(),
            Actor = actor,
        };

        var rules = await db.CheckRules.AsNoTracking()
            .Where(r => r.Stage == context.Stage && r.Enabled)
            .ToListAsync(cancellationToken);
        rules = [.. rules.OrderBy(r => r.SortOrder).ThenBy(r => r.Code, StringComparer.Ordinal)];

        // Identify every file first: the report keeps each file's format, and most checks need it.
        var total = context.Files.Count + rules.Count;
        var done = 0;
        var identified = await OnePerCore.MapAsync(context.Files, async (file, token) =>
        {
            var format = await inspections.FormatAsync(file.FullPath, token);
            var count = Interlocked.Increment(ref done);
            if (count % 100 == 0)
            {
                progress?.Report(new JobProgress(count, total, $"识别文件格式 {count}/{context.Files.Count}"));
            }

            return format;
        }, cancellationToken);

        var formats = new Dictionary<string, IdentifiedFormat>(StringComparer.Ordinal);
        for (var i = 0; i < identified.Length; i++)
        {
            formats[context.Files[i].PathKey] = identified[i];
        }

        var results = new List<CheckResult>();
        foreach (var rule in rules)
        {
            progress?.Report(new JobProgress(done, total, $"{rule.Code} {rule.Name}"));
            var at = done;
            context.Progress.Begin(progress is null ? null : files =>
                progress.Report(new JobProgress(at, total, $"{rule.Code} {rule.Name}：已检 {files:N0} 个文件")));
            foreach (var finding in await RunRuleAsync(context, rule, cancellationToken))
            {
                results.Add(new CheckResult
                {
                    RunId = run.Id,
                    Sequence = results.Count + 1,
                    Code = rule.Code,
                    Name = rule.Name,
                    Property = rule.Property,
                    Blocking = rule.Blocking,
                    Outcome = finding.Outcome,
                    Evidence = finding.Evidence,
                    ItemId = finding.ItemId,
                    RecordId = finding.RecordId,
                    FilePath = finding.FilePath,
                });
            }

            done++;
        }

        progress?.Report(new JobProgress(total, total, "检测完成"));
        run.FinishedAt = time.GetUtcNow();
        run.Outcome = Outcome(results);
        run.Tools = CheckTools.Describe(inspections.Media);
        return new CheckReport { Run = run, Results = results, Formats = formats };
    }

    /// <summary>Failed when a blocking line failed; Warning when a line warned or a non-blocking line failed; else Passed.</summary>
    public static CheckOutcome Outcome(IEnumerable<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var lines = results.ToList();
        if (lines.Any(r => r.Blocking && r.Outcome == CheckOutcome.Failed))
        {
            return CheckOutcome.Failed;
        }

        return lines.Any(r => r.Outcome == CheckOutcome.Warning || r.Outcome == CheckOutcome.Failed) ? CheckOutcome.Warning : CheckOutcome.Passed;
    }

    private async Task<IReadOnlyList<CheckFinding>> RunRuleAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        if (!rule.Automatic)
        {
            return [new CheckFinding(CheckOutcome.NotChecked, "人工检测项，待检测人员记录结果")];
        }

        if (!_checks.TryGetValue(rule.CheckKey, out var check))
        {
            return [new CheckFinding(CheckOutcome.NotChecked, $"未找到检测实现“{rule.CheckKey}”，未检测")];
        }

        try
        {
            var findings = await check.RunAsync(context, rule, cancellationToken);
            return findings.Count > 0 ? findings : [new CheckFinding(CheckOutcome.NotChecked, "没有适用于本项的检测对象")];
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One check's bug must not lose the whole report; the line says it was not checked, and why.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return [new CheckFinding(CheckOutcome.NotChecked, $"检测程序出错，未完成检测：{ex.GetType().Name}: {ex.Message}")];
        }
    }
}
