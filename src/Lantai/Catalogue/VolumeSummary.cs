namespace Lantai.Catalogue;

/// <summary>A volume in a list, with the number of items it holds.</summary>
public sealed record VolumeSummary(Volume Volume, int ItemCount);
