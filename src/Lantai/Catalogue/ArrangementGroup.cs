using System.Globalization;

namespace Lantai.Catalogue;

/// <summary>
/// The lowest class whose items are numbered from 1 without gaps (DA/T 22-2015): fonds–category–year–retention–org unit,
/// or the items of one volume (案卷).
/// </summary>
public sealed record ArrangementGroup
{
    public string FondsCode { get; init; } = "";

    public string CategoryCode { get; init; } = "";

    public int Year { get; init; }

    public string RetentionCode { get; init; } = "";

    public string OrgUnitCode { get; init; } = "";

    /// <summary>Set for the items of a volume; the class fields are then the volume's.</summary>
    public VolumeId? VolumeId { get; init; }

    /// <summary>The <see cref="Record.GroupKey"/> of the group's items.</summary>
    public string Key => VolumeId is { } volume
        ? GroupKeys.ForVolumeItem(volume)
        : GroupKeys.ForItem(FondsCode, CategoryCode, Year, RetentionCode, OrgUnitCode);

    public static ArrangementGroup ForClass(string fondsCode, string categoryCode, int year, string retentionCode, string orgUnitCode) => new()
    {
        FondsCode = fondsCode,
        CategoryCode = categoryCode,
        Year = year,
        RetentionCode = retentionCode,
        OrgUnitCode = orgUnitCode ?? "",
    };

    public static ArrangementGroup ForVolume(VolumeId volumeId) => new() { VolumeId = volumeId };

    /// <summary>Reads an item class back from its group key (null for a volume's key or a malformed one).</summary>
    public static ArrangementGroup? FromKey(string groupKey)
    {
        ArgumentNullException.ThrowIfNull(groupKey);
        var parts = groupKey.Split('|', 5);
        if (parts.Length != 5 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        return ForClass(parts[0], parts[1], year, parts[3], parts[4]);
    }

    /// <summary>How archivists name the class: 全宗号 · 门类 · 年度 · 保管期限 · 机构(问题).</summary>
    public override string ToString() => VolumeId is { } volume
        ? "案卷 " + volume
        : string.Join(" · ", new[] { FondsCode, CategoryCode, Year.ToString(CultureInfo.InvariantCulture), RetentionCode, OrgUnitCode }.Where(s => s.Length > 0));
}
