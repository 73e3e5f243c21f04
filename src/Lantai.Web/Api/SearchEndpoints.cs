using Lantai.Common;
using Lantai.Search;
using Lantai.Web.Api.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantai.Web.Api;

/// <summary>
/// GET /api/v1/search: the one search box of the pages as JSON. Open to everyone: anonymous callers and patrons search as
/// the public (open, unclassified records, public fields); archivists and reviewers as staff within their clearance. The
/// access filter is applied inside the index query by <see cref="SearchService"/>, never to the page afterwards.
/// </summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/search", SearchAsync).WithTags("检索").WithName("Search")
            .WithSummary("检索档案（全文、分面、高亮、游标翻页）")
            .WithDescription("q 为检索式：词语、\"短语\"、字段检索（题名:… 责任者:… 文号:… 档号:…）、年度:2001-2010、AND/OR/NOT。"
                + "筛选：fonds、category、yearFrom、yearTo、retention、org、open（unreviewed|open|controlled|partlyOpen）、carrier、class（密级，仅工作人员；- 为无密级）。"
                + "sort=relevance|newest|oldest|code；page 从 1 起，pageSize 1-100（默认 20），按页码最深 10000 条，更深请用 after=上一页的 nextCursor；"
                + "facets、snippets 为 true/false。匿名用户与利用者按公众范围检索（只含开放档案，不含密级与备注）；档案员、审核员按其知悉范围检索。")
            .Produces<SearchResultResponse>().ProducesProblem(StatusCodes.Status400BadRequest)
            .AllowAnonymous();
        return group;
    }

    private static async Task<Results<Ok<SearchResultResponse>, ProblemHttpResult>> SearchAsync(
        [AsParameters] SearchQuery query, HttpContext context, SearchService service, CancellationToken cancellationToken)
    {
        var (audience, clearance) = await SearchViewer.OfAsync(context);
        var request = query.Parse(audience, clearance);
        if (!request.Succeeded)
        {
            return ProblemMapper.InvalidQuery(request.Errors);
        }

        var result = await service.SearchAsync(request.Value, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(SearchResultResponse.Of(audience, result.Value))
            : InvalidSearch(result.Errors);
    }

    /// <summary>A query the search refused (syntax, a forged or stale cursor): 400 with the reason in Chinese.</summary>
    private static ProblemHttpResult InvalidSearch(IReadOnlyList<Error> errors) =>
        errors.All(e => string.Equals(e.Field, "after", StringComparison.OrdinalIgnoreCase) || string.Equals(e.Field, "cursor", StringComparison.OrdinalIgnoreCase))
            ? ProblemMapper.Problem(StatusCodes.Status400BadRequest, "invalid-cursor", "翻页游标无效", errors)
            : ProblemMapper.Problem(StatusCodes.Status400BadRequest, "invalid-search", "检索式有误", errors);
}
