using Lantai.Catalogue;

namespace Lantai.Web.Api.Catalogue;

/// <summary>One page of the record list with the cursors of the pages after and before it.</summary>
public sealed record RecordListResult(IReadOnlyList<Record> Items, string? NextCursor, string? PreviousCursor);
