namespace Lantai.Catalogue;

/// <summary>
/// The findings of checking one group (DA/T 70-2018 GD-2-6 sequence without gaps, GD-1-8 no duplicates, GD-1-7 code
/// well formed): missing item numbers, records that look entered twice, and codes that do not match the template.
/// </summary>
public sealed record ArrangementCheck(
    ArrangementGroup Group,
    int Count,
    IReadOnlyList<NumberRange> Gaps,
    IReadOnlyList<IReadOnlyList<RenumberChange>> PossibleDuplicates,
    IReadOnlyList<RenumberChange> LegacyCodes)
{
    public bool Clean => Gaps.Count == 0 && PossibleDuplicates.Count == 0 && LegacyCodes.Count == 0;
}
