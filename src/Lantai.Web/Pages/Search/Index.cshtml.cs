using Lantai.Search;
using Lantai.Web.Api;
using Lantai.Web.Api.Search;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lantai.Web.Pages.Search;

/// <summary>The staff search page (/Search): every open status and field, classified records within the viewer's clearance.</summary>
[Authorize(Policy = Policies.CatalogueRead)]
public sealed class IndexModel(SearchService service) : SearchPageModel(service)
{
    public override string PagePath => "/Search";

    public async Task OnGetAsync([FromQuery] SearchQuery query, CancellationToken cancellationToken) =>
        await SearchAsync(query, SearchAudience.Staff, await CatalogueUser.ClearanceAsync(HttpContext), cancellationToken);
}
