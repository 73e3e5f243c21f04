using Lantai.Common;
using Lantai.Web.Api;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantai.Web.Pages.Catalogue;

/// <summary>
/// What every catalogue page needs: the viewer's clearance, the audit actor, whether they may write (to show or hide
/// the forms; handlers check again), and Chinese errors placed next to the field they are about.
/// </summary>
public abstract class CataloguePageModel : PageModel
{
    /// <summary>True for archivists (<see cref="Policies.CatalogueWrite"/>); reviewers read only.</summary>
    public bool CanWrite { get; private set; }

    protected string Actor => CatalogueUser.Actor(User);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        CanWrite = await IsAllowedAsync(Policies.CatalogueWrite);
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    protected Task<int> ClearanceAsync() => CatalogueUser.ClearanceAsync(HttpContext);

    protected async Task<bool> IsAllowedAsync(string policy) =>
        (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, policy)).Succeeded;

    /// <summary>Puts each error beside its field (<paramref name="prefix"/> + field name), or above the form when it has none.</summary>
    protected void AddErrors(IEnumerable<Error> errors, string prefix = "Input.")
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field is null ? "" : prefix + error.Field, error.Message);
        }
    }
}
