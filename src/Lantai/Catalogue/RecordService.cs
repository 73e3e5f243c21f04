using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>Adds and changes single records: validation, item numbering, the archival code, the audit entry and the outbox entry, in one transaction.</summary>
public sealed class RecordService(LantaiDbContext db, TimeProvider time)
{
    public async Task<Result<Record>> CreateAsync(RecordDraft draft, string actor, CancellationToken cancellationToken)
    {
        draft = RecordValidator.Normalize(draft);
        var fonds = await db.Fonds.AsNoTracking().FirstOrDefaultAsync(f => f.Code == draft.FondsCode, cancellationToken);
        if (fonds is null)
        {
            return Error.Validation(RecordFields.FondsCode, $"全宗号“{draft.FondsCode}”不存在，请先建立全宗");
        }

        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var errors = RecordValidator.Validate(draft, rules, fonds.CodeTemplateKey, time.GetLocalNow().Year);
        if (errors.Count > 0)
        {
            return Result<Record>.Fail(errors);
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var placement = await PlaceAsync(fonds, draft, rules, excluding: null, cancellationToken);
        if (!placement.Succeeded)
        {
            return Result<Record>.Fail(placement.Errors);
        }

        var now = time.GetUtcNow();
        var record = new Record
        {
            FondsId = fonds.Id,
            FondsCode = fonds.Code,
            CategoryCode = draft.CategoryCode,
            Year = draft.Year,
            RetentionCode = draft.RetentionCode,
            OrgUnitCode = draft.OrgUnitCode,
            VolumeId = draft.VolumeId,
            ItemNumber = placement.Value.ItemNumber,
            GroupKey = placement.Value.GroupKey,
            ArchivalCode = placement.Value.ArchivalCode,
            Title = draft.Title,
            CreatedAt = now,
            UpdatedAt = now,
        };
        CopyDescription(draft, record);
        db.Records.Add(record);
        tx.Record("record.create", nameof(Record), record.Id.ToString(), record.ArchivalCode, after: RecordSnapshot.Of(record));
        db.OutboxMessages.Add(new OutboxMessage { Kind = OutboxKinds.RecordChanged, EntityId = record.Id.ToString(), CreatedAt = now });
        await tx.CommitAsync(cancellationToken);
        return record;
    }

    public async Task<Result<Record>> UpdateAsync(RecordId id, RecordDraft draft, int expectedVersion, string actor, CancellationToken cancellationToken)
    {
        draft = RecordValidator.Normalize(draft);
        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var record = await db.Records.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
        {
            return Error.NotFound("档案");
        }

        if (record.Version != expectedVersion)
        {
            return Error.Conflict("该档案已被他人修改，请刷新后重试");
        }

        if (!string.Equals(draft.FondsCode, record.FondsCode, StringComparison.Ordinal))
        {
            return Error.Validation(RecordFields.FondsCode, "不能修改档案所属全宗");
        }

        var fonds = await db.Fonds.AsNoTracking().FirstAsync(f => f.Id == record.FondsId, cancellationToken);
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var errors = RecordValidator.Validate(draft, rules, fonds.CodeTemplateKey, time.GetLocalNow().Year);
        if (errors.Count > 0)
        {
            return Result<Record>.Fail(errors);
        }

        var before = RecordSnapshot.Of(record);
        var moved = draft.CategoryCode != record.CategoryCode || draft.Year != record.Year || draft.RetentionCode != record.RetentionCode
            || draft.OrgUnitCode != record.OrgUnitCode || draft.VolumeId != record.VolumeId
            || (draft.ItemNumber is { } n && n != record.ItemNumber)
            || (draft.ArchivalCode is { } c && !string.Equals(c, record.ArchivalCode, StringComparison.Ordinal));
        if (moved)
        {
            var placement = await PlaceAsync(fonds, draft with { ItemNumber = draft.ItemNumber ?? (SameGroup(draft, record) ? record.ItemNumber : null) }, rules, record.Id, cancellationToken);
            if (!placement.Succeeded)
            {
                return Result<Record>.Fail(placement.Errors);
            }

            record.CategoryCode = draft.CategoryCode;
            record.Year = draft.Year;
            record.RetentionCode = draft.RetentionCode;
            record.OrgUnitCode = draft.OrgUnitCode;
            record.VolumeId = draft.VolumeId;
            record.ItemNumber = placement.Value.ItemNumber;
            record.GroupKey = placement.Value.GroupKey;
            record.ArchivalCode = placement.Value.ArchivalCode;
        }

        record.Title = draft.Title;
        CopyDescription(draft, record);
        record.UpdatedAt = time.GetUtcNow();
        record.Version++;
        tx.Record("record.update", nameof(Record), record.Id.ToString(), record.ArchivalCode, before, RecordSnapshot.Of(record));
        db.OutboxMessages.Add(new OutboxMessage { Kind = OutboxKinds.RecordChanged, EntityId = record.Id.ToString(), CreatedAt = record.UpdatedAt });
        await tx.CommitAsync(cancellationToken);
        return record;
    }

    private static bool SameGroup(RecordDraft draft, Record record) =>
        draft.CategoryCode == record.CategoryCode && draft.Year == record.Year && draft.RetentionCode == record.RetentionCode
        && draft.OrgUnitCode == record.OrgUnitCode && draft.VolumeId == record.VolumeId;

    private static void CopyDescription(RecordDraft draft, Record record)
    {
        record.TitleSupplied = draft.TitleSupplied;
        record.Author = draft.Author;
        record.DocumentNumber = draft.DocumentNumber;
        record.Date = draft.Date;
        record.PageCount = draft.PageCount;
        record.Classification = draft.Classification;
        record.Carrier = draft.Carrier;
        record.Remarks = draft.Remarks;
        record.OpenStatus = draft.OpenStatus;
    }

    /// <summary>Finds the group, item number and archival code of a record and refuses duplicates.</summary>
    private async Task<Result<Placement>> PlaceAsync(Fonds fonds, RecordDraft draft, CatalogueRules rules, RecordId? excluding, CancellationToken cancellationToken)
    {
        string groupKey;
        ArchivalCodeFormat format;
        int? volumeNumber = null;
        if (draft.VolumeId is { } volumeId)
        {
            var volume = await db.Volumes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volumeId, cancellationToken);
            if (volume is null || volume.FondsId != fonds.Id)
            {
                return Error.Validation("VolumeId", "案卷不存在或不属于该全宗");
            }

            groupKey = GroupKeys.ForVolumeItem(volumeId);
            format = rules.Format(ArchivalCodeTemplate.Dat13VolumeItemKey);
            volumeNumber = volume.VolumeNumber;
        }
        else
        {
            groupKey = GroupKeys.ForItem(fonds.Code, draft.CategoryCode, draft.Year, draft.RetentionCode, draft.OrgUnitCode);
            format = rules.Format(fonds.CodeTemplateKey);
        }

        var itemNumber = draft.ItemNumber ?? await Arrangement.NextItemNumberAsync(db, groupKey, cancellationToken);
        var code = draft.ArchivalCode ?? format.Render(new ArchivalCodeParts
        {
            FondsCode = fonds.Code,
            CategoryCode = draft.CategoryCode,
            Year = draft.Year,
            RetentionCode = draft.RetentionCode,
            OrgUnitCode = draft.OrgUnitCode,
            VolumeNumber = volumeNumber,
            ItemNumber = itemNumber,
        });

        var clash = await db.Records.AsNoTracking()
            .Where(r => (r.ArchivalCode == code || (r.GroupKey == groupKey && r.ItemNumber == itemNumber)) && (excluding == null || r.Id != excluding))
            .Select(r => r.ArchivalCode)
            .FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            return Error.Conflict($"档号“{clash}”已存在，不能重复", RecordFields.ArchivalCode);
        }

        return new Placement(groupKey, itemNumber, code);
    }

    private sealed record Placement(string GroupKey, int ItemNumber, string ArchivalCode);
}
