using System.Globalization;
using System.Text;
using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>
/// Renumbers the items of one group so their numbers run from 1 without gaps (DA/T 22-2015), as an explicit operation:
/// preview first, then apply in one audited transaction. Received (legacy) archival codes in the group are re-rendered
/// from the template, because a code that carries the old item number would otherwise lie; the preview says which.
/// </summary>
public sealed class RenumberingService(LantaiDbContext db, TimeProvider time)
{
    public const string AuditAction = "arrangement.renumber";
    public const string AuditEntityType = "Arrangement";

    public async Task<Result<RenumberPreview>> PreviewAsync(ArrangementGroup group, RenumberOrder order, int clearance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var setting = await ResolveAsync(group, cancellationToken);
        if (!setting.Succeeded)
        {
            return Result<RenumberPreview>.Fail(setting.Errors);
        }

        var rows = await db.Records.AsNoTracking().Where(r => r.GroupKey == setting.Value.Group.Key).ToListAsync(cancellationToken);
        return Plan(setting.Value, rows, order, clearance);
    }

    /// <summary>
    /// Applies the renumbering. With <paramref name="expectedToken"/> (from the preview the archivist saw) it refuses when
    /// the group changed since. Records move in two steps — first to temporary numbers and codes no real record can hold,
    /// then to their final ones — so the unique indexes on (group, item number) and on the code hold after every statement.
    /// </summary>
    public async Task<Result<RenumberPreview>> ApplyAsync(ArrangementGroup group, RenumberOrder order, string? expectedToken, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var setting = await ResolveAsync(group, cancellationToken);
        if (!setting.Succeeded)
        {
            return Result<RenumberPreview>.Fail(setting.Errors);
        }

        var key = setting.Value.Group.Key;
        var records = await db.Records.Where(r => r.GroupKey == key).ToListAsync(cancellationToken);
        // The plan is made with full clearance: applying changes every item of the group, whatever the viewer may read.
        var plan = Plan(setting.Value, records, order, int.MaxValue);
        if (expectedToken is not null && !string.Equals(expectedToken, plan.Token, StringComparison.Ordinal))
        {
            return Error.Conflict("该组档案在预览之后已被修改，请重新预览后再确认");
        }

        var changes = plan.Items.Where(i => i.Changed).ToList();
        if (changes.Count == 0)
        {
            return plan;
        }

        var changedIds = changes.Select(c => c.RecordId).ToList();
        var newCodes = changes.Select(c => c.NewArchivalCode).ToList();
        var clash = await db.Records.AsNoTracking()
            .Where(r => newCodes.Contains(r.ArchivalCode) && !changedIds.Contains(r.Id))
            .Select(r => r.ArchivalCode)
            .FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            return Error.Conflict($"重新编号后的档号“{clash}”已被本组以外的档案占用，请先处理该档案", RecordFields.ArchivalCode);
        }

        var byId = records.ToDictionary(r => r.Id);
        var temporary = 0;
        foreach (var change in changes)
        {
            var record = byId[change.RecordId];
            record.ItemNumber = --temporary;
            record.ArchivalCode = "~" + record.Id.Value.ToString("N");
        }

        await db.SaveChangesAsync(cancellationToken);

        var now = time.GetUtcNow();
        foreach (var change in changes)
        {
            var record = byId[change.RecordId];
            record.ItemNumber = change.NewItemNumber;
            record.ArchivalCode = change.NewArchivalCode;
            record.UpdatedAt = now;
            record.Version++;
            db.OutboxMessages.Add(new OutboxMessage { Kind = OutboxKinds.RecordChanged, EntityId = record.Id.ToString(), CreatedAt = now });
        }

        tx.Record(AuditAction, AuditEntityType, key, $"重新编号 {setting.Value.Group}：{changes.Count} 件", after: new
        {
            group = key,
            order = order.ToString(),
            changes = changes.Select(c => new
            {
                recordId = c.RecordId.Value,
                fromItem = c.OldItemNumber,
                toItem = c.NewItemNumber,
                from = c.OldArchivalCode,
                to = c.NewArchivalCode,
                legacy = c.LegacyCode,
            }),
        });
        await tx.CommitAsync(cancellationToken);
        return plan;
    }

    /// <summary>Lists gaps, possible duplicates and codes that do not match the template in one group.</summary>
    public async Task<Result<ArrangementCheck>> CheckAsync(ArrangementGroup group, int clearance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var setting = await ResolveAsync(group, cancellationToken);
        if (!setting.Succeeded)
        {
            return Result<ArrangementCheck>.Fail(setting.Errors);
        }

        var rows = await db.Records.AsNoTracking().Where(r => r.GroupKey == setting.Value.Group.Key).OrderBy(r => r.ItemNumber).ToListAsync(cancellationToken);
        var rules = setting.Value.Rules;
        var gaps = new List<NumberRange>();
        var expected = 1;
        foreach (var row in rows)
        {
            if (row.ItemNumber > expected)
            {
                gaps.Add(new NumberRange(expected, row.ItemNumber - 1));
            }

            expected = row.ItemNumber + 1;
        }

        var views = rows.Select(r => View(setting.Value, r, r.ItemNumber, rules.ClassificationRank(r.Classification) <= clearance)).ToList();
        var duplicates = rows.Select((r, i) => (Key: DuplicateKey(r), View: views[i]))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<RenumberChange>)[.. g.Select(x => x.View)])
            .ToList();
        var legacy = views.Where(v => v.LegacyCode).ToList();
        return new ArrangementCheck(setting.Value.Group, rows.Count, gaps, duplicates, legacy);
    }

    /// <summary>
    /// The item classes of a fonds with their counts and highest numbers, read from the (group key, item number) index
    /// alone, so a fonds of a million items is summarised without reading the records.
    /// </summary>
    public async Task<IReadOnlyList<ArrangementGroupSummary>> SummarizeAsync(string fondsCode, int? year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fondsCode);
        // Group keys start "fonds|"; '}' is the character after '|', so the range holds exactly this fonds' item classes.
        var from = fondsCode + "|";
        var to = fondsCode + "}";
#pragma warning disable CA1309 // string.Compare is what EF translates to SQL '<' and '>'; the column collation is byte-wise.
        var groups = await db.Records.AsNoTracking()
            .Where(r => string.Compare(r.GroupKey, from) >= 0 && string.Compare(r.GroupKey, to) < 0)
            .GroupBy(r => r.GroupKey)
            .Select(g => new { g.Key, Count = g.Count(), Min = g.Min(r => r.ItemNumber), Max = g.Max(r => r.ItemNumber) })
            .ToListAsync(cancellationToken);
#pragma warning restore CA1309
        return [.. groups
            .Select(g => (Group: ArrangementGroup.FromKey(g.Key), g.Count, g.Min, g.Max))
            .Where(g => g.Group is not null && (year is null || g.Group.Year == year))
            .Select(g => new ArrangementGroupSummary(g.Group!, g.Count, g.Min, g.Max))
            .OrderBy(s => s.Group.Year).ThenBy(s => s.Group.CategoryCode, StringComparer.Ordinal)
            .ThenBy(s => s.Group.RetentionCode, StringComparer.Ordinal).ThenBy(s => s.Group.OrgUnitCode, StringComparer.Ordinal)];
    }

    private static RenumberPreview Plan(Setting setting, List<Record> rows, RenumberOrder order, int clearance)
    {
        var ordered = order == RenumberOrder.Date
            ? rows.OrderBy(r => r.Date is null).ThenBy(r => r.Date).ThenBy(r => r.ItemNumber)
            : rows.OrderBy(r => r.ItemNumber);
        var items = ordered
            .Select((r, i) => View(setting, r, i + 1, setting.Rules.ClassificationRank(r.Classification) <= clearance))
            .ToList();
        return new RenumberPreview(setting.Group, order, items, Fingerprint(rows));
    }

    private static RenumberChange View(Setting setting, Record r, int newNumber, bool readable)
    {
        var current = Render(setting, r.ItemNumber);
        return new RenumberChange(
            r.Id,
            readable ? r.Title : null,
            r.TitleSupplied,
            readable ? r.Date : null,
            r.ItemNumber,
            newNumber,
            r.ArchivalCode,
            Render(setting, newNumber),
            LegacyCode: !string.Equals(current, r.ArchivalCode, StringComparison.Ordinal));
    }

    private static string Render(Setting setting, int itemNumber) => setting.Format.Render(setting.Parts with { ItemNumber = itemNumber });

    private static string DuplicateKey(Record r) =>
        string.Join('\u001f', TextNormalizer.Clean(r.Title) ?? "", r.Date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "", TextNormalizer.Clean(r.DocumentNumber) ?? "");

    /// <summary>Every record of the group with its version: any edit, addition or removal changes it.</summary>
    private static string Fingerprint(List<Record> rows)
    {
        var sb = new StringBuilder();
        foreach (var r in rows.OrderBy(r => r.Id.Value))
        {
            sb.Append(r.Id.Value.ToString("N")).Append(':').Append(r.Version.ToString(CultureInfo.InvariantCulture)).Append(';');
        }

        return Sm3.HashHex(Encoding.UTF8.GetBytes(sb.ToString()))[..32];
    }

    private async Task<Result<Setting>> ResolveAsync(ArrangementGroup group, CancellationToken cancellationToken)
    {
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        if (group.VolumeId is { } volumeId)
        {
            var volume = await db.Volumes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volumeId, cancellationToken);
            if (volume is null)
            {
                return Error.NotFound("案卷");
            }

            var parts = new ArchivalCodeParts
            {
                FondsCode = volume.FondsCode,
                CategoryCode = volume.CategoryCode,
                Year = volume.Year,
                RetentionCode = volume.RetentionCode,
                OrgUnitCode = volume.OrgUnitCode,
                VolumeNumber = volume.VolumeNumber,
            };
            var resolved = ArrangementGroup.ForVolume(volumeId) with
            {
                FondsCode = volume.FondsCode,
                CategoryCode = volume.CategoryCode,
                Year = volume.Year,
                RetentionCode = volume.RetentionCode,
                OrgUnitCode = volume.OrgUnitCode,
            };
            return new Setting(resolved, rules.Format(ArchivalCodeTemplate.Dat13VolumeItemKey), parts, rules);
        }

        var fonds = await db.Fonds.AsNoTracking().FirstOrDefaultAsync(f => f.Code == group.FondsCode, cancellationToken);
        if (fonds is null)
        {
            return Error.Validation(RecordFields.FondsCode, $"全宗号“{group.FondsCode}”不存在");
        }

        return new Setting(group, rules.Format(fonds.CodeTemplateKey), new ArchivalCodeParts
        {
            FondsCode = fonds.Code,
            CategoryCode = group.CategoryCode,
            Year = group.Year,
            RetentionCode = group.RetentionCode,
            OrgUnitCode = group.OrgUnitCode,
        }, rules);
    }

    private sealed record Setting(ArrangementGroup Group, ArchivalCodeFormat Format, ArchivalCodeParts Parts, CatalogueRules Rules);
}
