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

    /// <summary>
    /// Puts each error beside its field (<paramref name="prefix"/> + field name) when <paramref name="form"/> has an input
    /// of that name, else above the form — an error about a field the form does not show (the archival code) must not vanish.
    /// </summary>
    protected void AddErrors(IEnumerable<Error> errors, Type form, string prefix = "Input.")
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(form);
        foreach (var error in errors)
        {
            var shown = error.Field is not null && form.GetProperty(error.Field) is not null;
            ModelState.AddModelError(shown ? prefix + error.Field : "", error.Message);
        }
    }
}
