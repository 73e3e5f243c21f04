using System.Text.RegularExpressions;
using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>Sets up the archive: its identity, fonds and their org units, each change audited.</summary>
public sealed partial class FondsService(LantaiDbContext db, TimeProvider time)
{
    public async Task<Result<Fonds>> CreateAsync(FondsDraft draft, string actor, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(draft, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<Fonds>.Fail(errors);
        }

        var code = TextNormalizer.Clean(draft.Code)!;
        if (await db.Fonds.AnyAsync(f => f.Code == code, cancellationToken))
        {
            return Error.Conflict($"全宗号“{code}”已存在", nameof(Fonds.Code));
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var fonds = new Fonds { Code = code, Name = "", CreatedAt = time.GetUtcNow() };
        Apply(draft, fonds);
        db.Fonds.Add(fonds);
        CatalogueAudit.FondsCreated(tx, fonds);
        await tx.CommitAsync(cancellationToken);
        return fonds;
    }

    public async Task<Result<Fonds>> UpdateAsync(FondsId id, FondsDraft draft, string actor, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(draft, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<Fonds>.Fail(errors);
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var fonds = await db.Fonds.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fonds is null)
        {
            return Error.NotFound("全宗");
        }

        if (!string.Equals(TextNormalizer.Clean(draft.Code), fonds.Code, StringComparison.Ordinal))
        {
            return Error.Validation(nameof(Fonds.Code), "全宗号建立后不能修改（档号由它组成）");
        }

        var before = CatalogueAudit.Snapshot(fonds);
        Apply(draft, fonds);
        tx.Record("fonds.update", nameof(Fonds), fonds.Id.ToString(), $"{fonds.Code} {fonds.Name}", before, CatalogueAudit.Snapshot(fonds));
        await tx.CommitAsync(cancellationToken);
        return fonds;
    }

    public async Task<Result<OrgUnit>> AddOrgUnitAsync(FondsId fondsId, string code, string name, string actor, CancellationToken cancellationToken)
    {
        code = TextNormalizer.Clean(code) ?? "";
        name = TextNormalizer.Clean(name) ?? code;
        if (!OrgUnitCodeRegex().IsMatch(code))
        {
            return Error.Validation(nameof(OrgUnit.Code), "机构(问题)代码不能为空，且不能含有“-”“·”或空格");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        if (!await db.Fonds.AnyAsync(f => f.Id == fondsId, cancellationToken))
        {
            return Error.NotFound("全宗");
        }

        if (await db.OrgUnits.AnyAsync(o => o.FondsId == fondsId && o.Code == code, cancellationToken))
        {
            return Error.Conflict($"机构(问题)代码“{code}”已存在", nameof(OrgUnit.Code));
        }

        var unit = new OrgUnit { FondsId = fondsId, Code = code, Name = name };
        db.OrgUnits.Add(unit);
        CatalogueAudit.OrgUnitCreated(tx, unit);
        await tx.CommitAsync(cancellationToken);
        return unit;
    }

    public async Task<Result<ArchiveProfile>> UpdateProfileAsync(string name, string code, ArchiveLevel level, string actor, CancellationToken cancellationToken)
    {
        name = TextNormalizer.Clean(name) ?? "";
        code = TextNormalizer.Clean(code) ?? "";
        if (name.Length == 0)
        {
            return Error.Validation(nameof(ArchiveProfile.Name), "档案馆名称不能为空");
        }

        if (!DivisionCodeRegex().IsMatch(code))
        {
            return Error.Validation(nameof(ArchiveProfile.Code), "行政区划代码应为6位数字，如 150000");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var profile = await db.ArchiveProfiles.SingleAsync(p => p.Id == 1, cancellationToken);
        var before = new { profile.Name, profile.Code, profile.Level };
        profile.Name = name;
        profile.Code = code;
        profile.Level = level;
        tx.Record("archive.update", nameof(ArchiveProfile), "1", name, before, new { profile.Name, profile.Code, profile.Level });
        await tx.CommitAsync(cancellationToken);
        return profile;
    }

    private async Task<List<Error>> ValidateAsync(FondsDraft draft, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var code = TextNormalizer.Clean(draft.Code) ?? "";
        if (!FondsCodeRegex().IsMatch(code))
        {
            errors.Add(Error.Validation(nameof(Fonds.Code), "全宗号应为1至10位字母或数字（如 X013、0426）"));
        }

        if (TextNormalizer.Clean(draft.Name) is null)
        {
            errors.Add(Error.Validation(nameof(Fonds.Name), "全宗名称不能为空"));
        }

        if (draft.StartYear is { } s && draft.EndYear is { } e && e < s)
        {
            errors.Add(Error.Validation(nameof(Fonds.EndYear), "终止年度不能早于起始年度"));
        }

        if (!await db.ArchivalCodeTemplates.AnyAsync(t => t.Key == draft.CodeTemplateKey && !t.ForVolumes, cancellationToken))
        {
            errors.Add(Error.Validation(nameof(Fonds.CodeTemplateKey), $"档号模板“{draft.CodeTemplateKey}”不存在"));
        }

        return errors;
    }

    private static void Apply(FondsDraft draft, Fonds fonds)
    {
        fonds.Name = TextNormalizer.Clean(draft.Name)!;
        fonds.CreatorName = TextNormalizer.Clean(draft.CreatorName);
        fonds.StartYear = draft.StartYear;
        fonds.EndYear = draft.EndYear;
        fonds.CodeTemplateKey = draft.CodeTemplateKey;
        fonds.Description = TextNormalizer.Clean(draft.Description);
    }

    [GeneratedRegex(@"^[A-Za-z0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex FondsCodeRegex();

    [GeneratedRegex(@"^[^\s\-·]{1,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex OrgUnitCodeRegex();

    [GeneratedRegex(@"^\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex DivisionCodeRegex();
}
