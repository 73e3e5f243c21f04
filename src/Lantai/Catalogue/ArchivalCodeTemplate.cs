namespace Lantai.Catalogue;

/// <summary>
/// An archival-code (档号) template, kept as data so an archive can follow another edition or a regional rule.
/// Placeholders: {fonds} {category} {year} {retention} {orgunit} {volume:N} {item:N} (N = zero-padded width).
/// </summary>
public sealed class ArchivalCodeTemplate
{
    public const string Dat22ItemKey = "DA/T 22-2015";
    public const string Dat13ItemKey = "DA/T 13-2022";
    public const string Dat13VolumeKey = "DA/T 13-2022 卷";
    public const string Dat13VolumeItemKey = "DA/T 13-2022 卷内件";

    public required string Key { get; set; }

    public required string Name { get; set; }

    public required string Pattern { get; set; }

    /// <summary>True for a volume's own code (its number is {volume}); false for an item's code.</summary>
    public bool ForVolumes { get; set; }

    public static IReadOnlyList<ArchivalCodeTemplate> Defaults { get; } =
    [
        new() { Key = Dat22ItemKey, Name = "DA/T 22-2015 件（全宗号-门类代码·年度-保管期限-机构问题代码-件号）", Pattern = "{fonds}-{category}·{year}-{retention}-{orgunit}-{item:4}" },
        new() { Key = Dat13ItemKey, Name = "DA/T 13-2022 件（全宗号-门类代码·年度·保管期限·机构问题-件号）", Pattern = "{fonds}-{category}·{year}·{retention}·{orgunit}-{item:4}" },
        new() { Key = Dat13VolumeKey, Name = "DA/T 13-2022 案卷（全宗号-门类代码·年度·保管期限-案卷号）", Pattern = "{fonds}-{category}·{year}·{retention}-{volume:3}", ForVolumes = true },
        new() { Key = Dat13VolumeItemKey, Name = "DA/T 13-2022 卷内件（全宗号-门类代码·年度·保管期限-案卷号-件号）", Pattern = "{fonds}-{category}·{year}·{retention}-{volume:3}-{item:3}" },
    ];
}
