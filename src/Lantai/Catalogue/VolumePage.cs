namespace Lantai.Catalogue;

/// <summary>One page of volumes in archival-code order and the cursor (the last code) of the next page.</summary>
public sealed record VolumePage(IReadOnlyList<VolumeSummary> Items, string? NextCursor);
