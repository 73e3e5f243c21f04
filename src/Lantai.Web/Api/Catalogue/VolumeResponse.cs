using Lantai.Catalogue;

namespace Lantai.Web.Api.Catalogue;

/// <summary>A volume with the number of items in it.</summary>
public sealed record VolumeResponse(
    Guid Id, string ArchivalCode, Guid FondsId, string FondsCode, string CategoryCode, int Year, string RetentionCode, string OrgUnitCode,
    int VolumeNumber, string Title, string? Remarks, string Classification, int ItemCount)
{
    public static VolumeResponse Of(Volume v, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Id.Value, v.ArchivalCode, v.FondsId.Value, v.FondsCode, v.CategoryCode, v.Year, v.RetentionCode, v.OrgUnitCode,
            v.VolumeNumber, v.Title, v.Remarks, v.Classification, itemCount);
    }
}
