using Lantai.Catalogue;

namespace Lantai.Web.Api.Catalogue;

/// <summary>A parsed record list query: the filter, the order, where to start and how many.</summary>
public sealed record RecordListRequest(RecordFilter Filter, RecordSort Sort, bool Descending, string? Cursor, string? Before, int Limit);
