using Microsoft.EntityFrameworkCore;

namespace Lantai.Transfer.Checks.Authenticity;

/// <summary>
/// No archival code twice (DA/T 70 元数据项数据重复性): not within the package, and not already in the catalogue (a
/// record's own row does not count, so the same check serves the preservation stage).
/// </summary>
public sealed class ArchivalCodeUniqueCheck : ICheck
{
    private const int Batch = 500;

    public string Key => CheckKeys.ArchivalCodeUnique;

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = context.Items.Where(i => !string.IsNullOrWhiteSpace(i.Record?.ArchivalCode)).ToList();
        var findings = new List<CheckFinding>();
        var failed = new HashSet<Guid>();
        foreach (var group in items.GroupBy(i => i.Record!.ArchivalCode, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var rows = string.Join("、", group.Select(CheckSubjects.Row));
            foreach (var item in group)
            {
                findings.Add(CheckSubjects.About(item, CheckOutcome.Failed, $"档号“{group.Key}”在包内重复（{rows}）"));
                failed.Add(item.ItemId);
            }
        }

        var codes = items.Select(i => i.Record!.ArchivalCode).Distinct(StringComparer.Ordinal).ToList();
        var taken = new List<(string Code, Catalogue.RecordId Id)>();
        foreach (var chunk in codes.Chunk(Batch))
        {
            var rows = await context.Db.Records.AsNoTracking()
                .Where(r => chunk.Contains(r.ArchivalCode))
                .Select(r => new { r.ArchivalCode, r.Id })
                .ToListAsync(cancellationToken);
            taken.AddRange(rows.Select(r => (r.ArchivalCode, r.Id)));
        }

        var byCode = taken.ToLookup(t => t.Code, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (byCode[item.Record!.ArchivalCode].Any(t => t.Id != item.Record.Id))
            {
                findings.Add(CheckSubjects.About(item, CheckOutcome.Failed, $"档号“{item.Record.ArchivalCode}”已在馆藏目录中"));
                failed.Add(item.ItemId);
            }
        }

        var good = items.Count(i => !failed.Contains(i.ItemId));
        if (good > 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.Passed, $"{good} 条档号在包内和馆藏目录中均唯一"));
        }

        return findings;
    }
}
