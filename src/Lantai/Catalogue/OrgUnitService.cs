using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>Changes an org unit's name; its code stays, because archival codes are made of it.</summary>
public sealed class OrgUnitService(LantaiDbContext db, TimeProvider time)
{
    public async Task<Result<OrgUnit>> RenameAsync(Guid orgUnitId, string name, string actor, CancellationToken cancellationToken)
    {
        name = TextNormalizer.Clean(name) ?? "";
        if (name.Length is 0 or > 200)
        {
            return Error.Validation(nameof(OrgUnit.Name), "机构(问题)名称不能为空，且不超过200字");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var unit = await db.OrgUnits.FirstOrDefaultAsync(o => o.Id == orgUnitId, cancellationToken);
        if (unit is null)
        {
            return Error.NotFound("机构(问题)");
        }

        var before = new { fondsId = unit.FondsId.Value, unit.Code, unit.Name };
        unit.Name = name;
        tx.Record("orgunit.rename", nameof(OrgUnit), unit.Id.ToString(), $"{unit.Code} {name}", before, new { fondsId = unit.FondsId.Value, unit.Code, unit.Name });
        await tx.CommitAsync(cancellationToken);
        return unit;
    }
}
