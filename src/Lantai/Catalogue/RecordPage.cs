namespace Lantai.Catalogue;

/// <summary>One page of records and the opaque cursor of the next page (null on the last page).</summary>
public sealed record RecordPage(IReadOnlyList<Record> Items, string? NextCursor);
