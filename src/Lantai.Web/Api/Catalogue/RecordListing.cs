using Lantai.Catalogue;

namespace Lantai.Web.Api.Catalogue;

/// <summary>
/// Keyset paging both ways: forwards from the last row's cursor; backwards by reading the reversed order from the first
/// row's cursor and turning the rows round, so no page needs OFFSET and no trail of cursors travels in the URL.
/// </summary>
public static class RecordListing
{
    public static async Task<RecordListResult> PageAsync(RecordQueries queries, RecordListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Before is { } before)
        {
            var back = await queries.PageAsync(request.Filter, request.Sort, !request.Descending, before, request.Limit, cancellationToken);
            if (back.NextCursor is not null)
            {
                var rows = back.Items.Reverse().ToList();
                return new RecordListResult(rows, RecordQueries.CursorFor(request.Sort, rows[^1]), RecordQueries.CursorFor(request.Sort, rows[0]));
            }

            // Fewer than a page lies before: that is the first page; show it whole.
            var first = await queries.PageAsync(request.Filter, request.Sort, request.Descending, null, request.Limit, cancellationToken);
            return new RecordListResult(first.Items, first.NextCursor, null);
        }

        var page = await queries.PageAsync(request.Filter, request.Sort, request.Descending, request.Cursor, request.Limit, cancellationToken);
        var previous = request.Cursor is not null && page.Items.Count > 0 ? RecordQueries.CursorFor(request.Sort, page.Items[0]) : null;
        return new RecordListResult(page.Items, page.NextCursor, previous);
    }
}
