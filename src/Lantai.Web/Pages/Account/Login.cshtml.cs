using Lantai.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lantai.Web.Pages.Account;

/// <summary>Sign-in with user name and password; then the second factor when the account has one; lockout after repeated failures.</summary>
public sealed class LoginModel(SignInManager<LantaiUser> signIn, UserManager<LantaiUser> users, IStringLocalizer<SecurityResource> t) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            var user = await users.FindByNameAsync(UserName);
            ErrorMessage = user is not null && AccountLockout.IsDisabled(user)
                ? t["账号已停用，请联系系统管理员。"]
                : t["登录失败次数过多，账号已暂时锁定，请稍后再试。"];
            return Page();
        }

        ErrorMessage = t["用户名或密码错误。"];
        return Page();
    }
}
