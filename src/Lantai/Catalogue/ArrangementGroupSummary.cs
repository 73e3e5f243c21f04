namespace Lantai.Catalogue;

/// <summary>One item class of a fonds at a glance: how many items, the highest number, and whether numbers run from 1 without gaps.</summary>
public sealed record ArrangementGroupSummary(ArrangementGroup Group, int Count, int MinItemNumber, int MaxItemNumber)
{
    public bool HasGaps => MinItemNumber != 1 || MaxItemNumber != Count;
}
