using Lantai.Security;

namespace Lantai.Catalogue;

/// <summary>
/// How fonds and org units are written to the audit log, shared by the forms, the catalogue import and the demo, so a
/// fonds created any of these ways leaves the same entry.
/// </summary>
public static class CatalogueAudit
{
    public static object Snapshot(Fonds f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new { f.Code, f.Name, f.CreatorName, f.StartYear, f.EndYear, f.CodeTemplateKey, f.Description };
    }

    /// <summary>Records the creation of <paramref name="fonds"/>; <paramref name="how"/> is appended to the summary (e.g. "（目录导入时建立）").</summary>
    public static void FondsCreated(AuditedTransaction tx, Fonds fonds, string how = "")
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(fonds);
        tx.Record("fonds.create", nameof(Fonds), fonds.Id.ToString(), $"{fonds.Code} {fonds.Name}{how}", after: Snapshot(fonds));
    }

    public static void OrgUnitCreated(AuditedTransaction tx, OrgUnit unit, string how = "")
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(unit);
        tx.Record("orgunit.create", nameof(OrgUnit), unit.Id.ToString(), $"{unit.Code} {unit.Name}{how}",
            after: new { fondsId = unit.FondsId.Value, code = unit.Code, name = unit.Name });
    }
}
