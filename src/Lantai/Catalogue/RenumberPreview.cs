namespace Lantai.Catalogue;

/// <summary>
/// What renumbering a group would do (or did). <see cref="Token"/> fingerprints the group as it was read, so applying
/// a preview the archivist confirmed refuses when someone changed the group in between.
/// </summary>
public sealed record RenumberPreview(ArrangementGroup Group, RenumberOrder Order, IReadOnlyList<RenumberChange> Items, string Token)
{
    public int ChangedCount => Items.Count(i => i.Changed);

    /// <summary>Items whose received (legacy) archival code did not match the template and is re-rendered.</summary>
    public int LegacyCount => Items.Count(i => i.LegacyCode);
}
