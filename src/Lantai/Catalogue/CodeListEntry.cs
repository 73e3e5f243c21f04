namespace Lantai.Catalogue;

/// <summary>
/// One entry of an administrator-editable code list (retention periods, classifications, carriers):
/// the standards' lists differ between editions and regions, so they are data, not constants (DESIGN.md §5).
/// </summary>
public sealed class CodeListEntry
{
    public required string List { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Ordering within the list; for classifications it is also the clearance level needed to see a record.</summary>
    public int Rank { get; set; }

    /// <summary>Years for retention periods (null for permanent).</summary>
    public int? Years { get; set; }
}
