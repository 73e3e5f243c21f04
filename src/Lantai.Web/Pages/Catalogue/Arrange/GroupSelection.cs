using System.Globalization;
using Lantai.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Lantai.Web.Pages.Catalogue.Arrange;

/// <summary>
/// Which group the arrangement pages are about, as the query string carries it: a fonds (and year) to list its item
/// classes, then one class by its group key, or one volume.
/// </summary>
public sealed class GroupSelection
{
    [FromQuery(Name = "fonds")]
    public string? Fonds { get; set; }

    [FromQuery(Name = "year")]
    public string? Year { get; set; }

    [FromQuery(Name = "group")]
    public string? Group { get; set; }

    [FromQuery(Name = "volume")]
    public Guid? Volume { get; set; }

    [FromQuery(Name = "order")]
    public string? Order { get; set; }

    public int? YearValue => int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;

    public RenumberOrder OrderValue => string.Equals(Order, "date", StringComparison.OrdinalIgnoreCase) ? RenumberOrder.Date : RenumberOrder.ItemNumber;

    /// <summary>The chosen group, or null while only a fonds is chosen (or the key is malformed).</summary>
    public ArrangementGroup? Chosen => Volume is { } v ? ArrangementGroup.ForVolume(new VolumeId(v))
        : Group is { Length: > 0 and <= 200 } key ? ArrangementGroup.FromKey(key)
        : null;

    public static string Link(string page, ArrangementGroup group, RenumberOrder order = RenumberOrder.ItemNumber)
    {
        ArgumentNullException.ThrowIfNull(group);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["fonds"] = group.VolumeId is null ? group.FondsCode : null,
            ["group"] = group.VolumeId is null ? group.Key : null,
            ["volume"] = group.VolumeId?.ToString(),
            ["order"] = order == RenumberOrder.Date ? "date" : null,
        };
        return QueryHelpers.AddQueryString(page, values.Where(v => v.Value is not null));
    }
}
