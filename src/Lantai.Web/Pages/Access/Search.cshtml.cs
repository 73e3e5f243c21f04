using Lantai.Search;
using Lantai.Web.Api.Search;
using Lantai.Web.Pages.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantai.Web.Pages.Access;

/// <summary>
/// The public search page (/Access/Search) for citizens: no sign-in needed, and a patron or staff member signed in sees
/// the same — open, unclassified records and public fields only; the access filter is in the index query.
/// </summary>
[AllowAnonymous]
public sealed class SearchModel(SearchService service) : SearchPageModel(service)
{
    public override string PagePath => "/Access/Search";

    public Task OnGetAsync([FromQuery] SearchQuery query, CancellationToken cancellationToken) =>
        SearchAsync(query, SearchAudience.Public, 0, cancellationToken);
}
