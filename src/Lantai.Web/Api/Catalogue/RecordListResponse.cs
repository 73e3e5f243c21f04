namespace Lantai.Web.Api.Catalogue;

/// <summary>GET /records: one page and the cursors to the next and previous pages (null at either end).</summary>
public sealed record RecordListResponse(IReadOnlyList<RecordResponse> Items, string? NextCursor, string? PreviousCursor);
