using System.Globalization;

namespace Lantai.Catalogue;

/// <summary>
/// The lowest class in which item numbers run from 1 without gaps: fonds–category–year–retention–org unit
/// (DA/T 22-2015), or the volume for items arranged in volumes. Stored so "next number" and uniqueness need one index.
/// </summary>
public static class GroupKeys
{
    public static string ForItem(string fondsCode, string categoryCode, int year, string retentionCode, string orgUnitCode) =>
        string.Create(CultureInfo.InvariantCulture, $"{fondsCode}|{categoryCode}|{year}|{retentionCode}|{orgUnitCode}");

    public static string ForVolumeItem(VolumeId volume) => "V|" + volume.Value.ToString("N");
}
