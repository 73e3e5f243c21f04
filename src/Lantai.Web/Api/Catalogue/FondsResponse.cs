using Lantai.Catalogue;

namespace Lantai.Web.Api.Catalogue;

/// <summary>A fonds with its org units and (in lists) its number of records.</summary>
public sealed record FondsResponse(
    Guid Id, string Code, string Name, string? CreatorName, int? StartYear, int? EndYear, string CodeTemplateKey, string? Description,
    int? RecordCount, IReadOnlyList<OrgUnitResponse> OrgUnits)
{
    public static FondsResponse Of(Fonds f, int? recordCount, IEnumerable<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Id.Value, f.Code, f.Name, f.CreatorName, f.StartYear, f.EndYear, f.CodeTemplateKey, f.Description, recordCount,
            [.. units.Where(u => u.FondsId == f.Id).OrderBy(u => u.Code, StringComparer.Ordinal).Select(OrgUnitResponse.Of)]);
    }
}
