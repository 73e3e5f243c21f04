namespace Lantai.Transfer.Checks;

/// <summary>
/// One check item as data (DESIGN.md §5): its DA/T 70 code, stage, property and target, the implementation it runs
/// (<see cref="CheckKey"/>) with its parameters, and whether a failure blocks acceptance. Seeded from
/// <see cref="CheckRules"/>; administrators may disable items, change parameters or make them blocking.
/// </summary>
public sealed class CheckRule
{
    /// <summary>DA/T 70 code (GD-1-1, YJ-2-4, BC-3-3 …), or a Lantai code (LT-x-y) where the standard has none.</summary>
    public required string Code { get; set; }

    /// <summary>Name in Chinese, as in the report.</summary>
    public required string Name { get; set; }

    public CheckStage Stage { get; set; }

    public CheckProperty Property { get; set; }

    public CheckTarget Target { get; set; }

    /// <summary>The implementation's key (an <see cref="ICheck.Key"/>); several codes may run the same check at different stages.</summary>
    public required string CheckKey { get; set; }

    /// <summary>JSON parameters of the implementation (e.g. the accepted formats), or null for its defaults.</summary>
    public string? Parameters { get; set; }

    /// <summary>False for items a person checks by hand; they show as 未检测 with "人工检测" until recorded.</summary>
    public bool Automatic { get; set; } = true;

    /// <summary>A failure of a blocking item fails the item (or the package); a non-blocking failure is reported only.</summary>
    public bool Blocking { get; set; } = true;

    public bool Enabled { get; set; } = true;

    /// <summary>Order in the report.</summary>
    public int SortOrder { get; set; }
}
