using Lantai.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantai.Web.Pages.Account;

/// <summary>Signs out (POST only, so a link cannot sign someone out).</summary>
public sealed class LogoutModel(SignInManager<LantaiUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
