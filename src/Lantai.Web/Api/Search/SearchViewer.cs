using Lantai.Search;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Lantai.Web.Api.Search;

/// <summary>
/// Who is searching, as the search sees it: catalogue readers (archivists, reviewers) search as staff within their
/// clearance; everyone else — anonymous citizens, patrons, the administrative roles — searches as the public.
/// </summary>
public static class SearchViewer
{
    public static async Task<(SearchAudience Audience, int Clearance)> OfAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return (SearchAudience.Public, 0);
        }

        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(context.User, Policies.CatalogueRead)).Succeeded
            ? (SearchAudience.Staff, await CatalogueUser.ClearanceAsync(context))
            : (SearchAudience.Public, 0);
    }
}
