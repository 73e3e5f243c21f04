using Lantai.Security;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lantai.Web.Pages.Account;

/// <summary>Changes one's own password; every page leads here while the account still has a one-time password.</summary>
public sealed class ChangePasswordModel(
    AccountService accounts, SignInManager<LantaiUser> signIn, UserManager<LantaiUser> users, IStringLocalizer<SecurityResource> t) : PageModel
{
    private readonly Dictionary<string, string> _fieldErrors = new(StringComparer.Ordinal);

    [BindProperty]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    public string NewPassword { get; set; } = "";

    [BindProperty]
    public string ConfirmPassword { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Forced => User.HasClaim(c => c.Type == LantaiClaims.MustChangePassword);

    public List<string> Errors { get; } = [];

    public string? FieldError(string field) => _fieldErrors.GetValueOrDefault(field);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(NewPassword, ConfirmPassword, StringComparison.Ordinal))
        {
            _fieldErrors[nameof(ConfirmPassword)] = t["两次输入的新密码不一致"];
            return Page();
        }

        var id = Guid.Parse(users.GetUserId(User)!);
        var result = await accounts.ChangePasswordAsync(id, CurrentPassword, NewPassword, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Field is { } field && (field == nameof(CurrentPassword) || field == nameof(NewPassword)))
                {
                    _fieldErrors[field] = _fieldErrors.TryGetValue(field, out var e) ? e + "；" + error.Message : error.Message;
                }
                else
                {
                    Errors.Add(error.Message);
                }
            }

            return Page();
        }

        // The password change renewed the security stamp: sign in again so this session stays valid and loses the duty.
        await signIn.RefreshSignInAsync(result.Value);
        TempData["Notice"] = t["密码已修改。"].Value;
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : AccountGate.ManagePath);
    }
}
