using System.Globalization;
using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>
/// Volumes (案卷, DA/T 13-2022): a volume takes its code from the volume template and the next volume number in its
/// class; items put into it are renumbered from 1 inside it and get the volume-item code (through <see cref="RecordService"/>).
/// </summary>
public sealed class VolumeService(LantaiDbContext db, TimeProvider time)
{
    public async Task<Result<Volume>> CreateAsync(VolumeDraft draft, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft = Normalize(draft);
        var fonds = await db.Fonds.AsNoTracking().FirstOrDefaultAsync(f => f.Code == draft.FondsCode, cancellationToken);
        if (fonds is null)
        {
            return Error.Validation(RecordFields.FondsCode, $"全宗号“{draft.FondsCode}”不存在，请先建立全宗");
        }

        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var errors = Validate(draft, rules, time.GetLocalNow().Year);
        if (errors.Count > 0)
        {
            return Result<Volume>.Fail(errors);
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var format = rules.Format(ArchivalCodeTemplate.Dat13VolumeKey);
        var groupKey = GroupKeys.ForItem(fonds.Code, draft.CategoryCode, draft.Year, draft.RetentionCode, draft.OrgUnitCode);
        // A volume template without {orgunit} numbers the volumes of all org units in one run, or their codes would collide.
        var numberedAcrossOrgUnits = !format.Pattern.Contains("{orgunit}", StringComparison.Ordinal);
        var number = draft.VolumeNumber ?? 1 + (await db.Volumes
            .Where(v => v.FondsId == fonds.Id && v.CategoryCode == draft.CategoryCode && v.Year == draft.Year && v.RetentionCode == draft.RetentionCode
                && (numberedAcrossOrgUnits || v.OrgUnitCode == draft.OrgUnitCode))
            .MaxAsync(v => (int?)v.VolumeNumber, cancellationToken) ?? 0);
        var code = format.Render(new ArchivalCodeParts
        {
            FondsCode = fonds.Code,
            CategoryCode = draft.CategoryCode,
            Year = draft.Year,
            RetentionCode = draft.RetentionCode,
            OrgUnitCode = draft.OrgUnitCode,
            VolumeNumber = number,
        });
        if (await db.Volumes.AnyAsync(v => v.ArchivalCode == code || (v.GroupKey == groupKey && v.VolumeNumber == number), cancellationToken))
        {
            return Error.Conflict($"案卷档号“{code}”已存在，不能重复", "VolumeNumber");
        }

        var volume = new Volume
        {
            FondsId = fonds.Id,
            FondsCode = fonds.Code,
            CategoryCode = draft.CategoryCode,
            Year = draft.Year,
            RetentionCode = draft.RetentionCode,
            OrgUnitCode = draft.OrgUnitCode,
            VolumeNumber = number,
            GroupKey = groupKey,
            ArchivalCode = code,
            Title = draft.Title,
            Remarks = draft.Remarks,
            Classification = draft.Classification,
            CreatedAt = time.GetUtcNow(),
        };
        db.Volumes.Add(volume);
        tx.Record("volume.create", nameof(Volume), volume.Id.ToString(), code, after: new
        {
            volume.ArchivalCode,
            volume.FondsCode,
            volume.CategoryCode,
            volume.Year,
            volume.RetentionCode,
            volume.OrgUnitCode,
            volume.VolumeNumber,
            volume.Title,
            volume.Remarks,
            volume.Classification,
        });
        await tx.CommitAsync(cancellationToken);
        return volume;
    }

    /// <summary>
    /// Puts an existing item into a volume of the same fonds and class: it takes the next item number inside the volume
    /// and the volume-item code; the gap it leaves in its old class is closed by renumbering that class.
    /// </summary>
    public async Task<Result<Record>> AddItemAsync(VolumeId volumeId, RecordId recordId, int? expectedVersion, string actor, CancellationToken cancellationToken)
    {
        var volume = await db.Volumes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volumeId, cancellationToken);
        if (volume is null)
        {
            return Error.NotFound("案卷");
        }

        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return Error.NotFound("档案");
        }

        if (record.VolumeId == volumeId)
        {
            return Error.Conflict($"档案“{record.ArchivalCode}”已在本卷中");
        }

        if (record.FondsId != volume.FondsId || record.CategoryCode != volume.CategoryCode || record.Year != volume.Year
            || record.RetentionCode != volume.RetentionCode || record.OrgUnitCode != volume.OrgUnitCode)
        {
            return Error.Validation("RecordId", $"档案“{record.ArchivalCode}”的全宗、门类、年度、保管期限或机构(问题)与案卷“{volume.ArchivalCode}”不一致，不能组入该卷");
        }

        var draft = RecordDrafts.From(record) with { VolumeId = volumeId, ItemNumber = null, ArchivalCode = null };
        return await new RecordService(db, time).UpdateAsync(record.Id, draft, expectedVersion ?? record.Version, actor, cancellationToken);
    }

    /// <summary>Takes an item out of its volume back into its class, with the next free number there.</summary>
    public async Task<Result<Record>> RemoveItemAsync(RecordId recordId, int? expectedVersion, string actor, CancellationToken cancellationToken)
    {
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return Error.NotFound("档案");
        }

        if (record.VolumeId is null)
        {
            return Error.Conflict($"档案“{record.ArchivalCode}”不在任何案卷中");
        }

        var draft = RecordDrafts.From(record) with { VolumeId = null, ItemNumber = null, ArchivalCode = null };
        return await new RecordService(db, time).UpdateAsync(record.Id, draft, expectedVersion ?? record.Version, actor, cancellationToken);
    }

    private static VolumeDraft Normalize(VolumeDraft draft) => draft with
    {
        FondsCode = TextNormalizer.Clean(draft.FondsCode) ?? "",
        CategoryCode = TextNormalizer.Clean(draft.CategoryCode) ?? "",
        RetentionCode = TextNormalizer.Clean(draft.RetentionCode) ?? "",
        OrgUnitCode = TextNormalizer.Clean(draft.OrgUnitCode) ?? "",
        Title = TextNormalizer.Clean(draft.Title) ?? "",
        Remarks = TextNormalizer.Clean(draft.Remarks),
        Classification = TextNormalizer.Clean(draft.Classification) ?? "",
    };

    /// <summary>The volume's fields follow the item rules (same code lists, same Chinese messages).</summary>
    private static List<Error> Validate(VolumeDraft draft, CatalogueRules rules, int currentYear)
    {
        var asItem = new RecordDraft
        {
            FondsCode = draft.FondsCode,
            CategoryCode = draft.CategoryCode,
            Year = draft.Year,
            RetentionCode = draft.RetentionCode,
            OrgUnitCode = draft.OrgUnitCode,
            Title = draft.Title,
            Remarks = draft.Remarks,
            Classification = draft.Classification,
        };
        var errors = RecordValidator.Validate(asItem, rules, ArchivalCodeTemplate.Dat22ItemKey, currentYear);
        if (draft.VolumeNumber is < 1 or > 9999)
        {
            errors.Add(Error.Validation("VolumeNumber", string.Create(CultureInfo.InvariantCulture, $"案卷号“{draft.VolumeNumber}”无效（应为1至9999的整数）")));
        }

        return errors;
    }
}
