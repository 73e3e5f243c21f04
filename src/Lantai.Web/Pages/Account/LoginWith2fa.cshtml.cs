using Lantai.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lantai.Web.Pages.Account;

/// <summary>The second step of sign-in: a TOTP code from the authenticator app, or one of the recovery codes.</summary>
public sealed class LoginWith2faModel(SignInManager<LantaiUser> signIn, IStringLocalizer<SecurityResource> t) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Only reachable after the password step, which leaves Identity's two-factor cookie.
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login", new { ReturnUrl }) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("./Login", new { ReturnUrl });
        }

        var totp = AccountService.CleanCode(Code);
        var result = totp.Length == 6 && totp.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(totp, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal).Trim());
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ErrorMessage = result.IsLockedOut ? t["登录失败次数过多，账号已暂时锁定，请稍后再试。"] : t["验证码或恢复码错误。"];
        return Page();
    }
}
