using Lantai.Catalogue;

namespace Lantai.Web.Api.Catalogue;

/// <summary>An org unit (机构/问题) of a fonds.</summary>
public sealed record OrgUnitResponse(Guid Id, string Code, string Name)
{
    public static OrgUnitResponse Of(OrgUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new(unit.Id, unit.Code, unit.Name);
    }
}
