using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Security;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lantai.Web.Pages.Account;

/// <summary>One's own account: roles and clearance, password, and two-factor sign-in (set up with a QR code drawn locally, recovery codes shown once).</summary>
public sealed class ManageModel(
    AccountService accounts,
    UserManager<LantaiUser> users,
    SignInManager<LantaiUser> signIn,
    SecuritySettingsCache settings,
    LantaiDbContext db,
    IStringLocalizer<SecurityResource> t) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    public string UserName { get; private set; } = "";
    public string? DisplayName { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public string ClearanceName { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public bool TwoFactorRequired { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public AuthenticatorSetup? Setup { get; private set; }
    public string? QrCodeDataUri { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? CodeError { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await accounts.EnableTwoFactorAsync(user, Code, cancellationToken);
        if (!result.Succeeded)
        {
            CodeError = result.Errors[0].Message;
            await LoadAsync(user, cancellationToken);
            return Page();
        }

        // Enabling renewed the security stamp: sign in again so this session stays and carries the two-factor claim.
        await signIn.RefreshSignInAsync(user);
        RecoveryCodes = result.Value;
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRenewCodesAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await accounts.RenewRecoveryCodesAsync(user, cancellationToken);
        if (result.Succeeded)
        {
            RecoveryCodes = result.Value;
        }
        else
        {
            Errors.AddRange(result.Errors.Select(e => e.Message));
        }

        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await accounts.DisableTwoFactorAsync(user, cancellationToken);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Message));
            await LoadAsync(user, cancellationToken);
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = t["双因素认证已关闭。"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(LantaiUser user, CancellationToken cancellationToken)
    {
        UserName = user.UserName ?? "";
        DisplayName = user.DisplayName;
        Roles = [.. await users.GetRolesAsync(user)];
        ClearanceName = user.Clearance == 0
            ? t["无（仅限非密）"]
            : await db.CodeListEntries.AsNoTracking()
                .Where(e => e.List == CodeLists.Classification && e.Rank == user.Clearance)
                .Select(e => e.Name).FirstOrDefaultAsync(cancellationToken) ?? user.Clearance.ToString(System.Globalization.CultureInfo.InvariantCulture);
        TwoFactorEnabled = user.TwoFactorEnabled;
        TwoFactorRequired = SecuritySettings.TwoFactorRequiredFor(Roles, await settings.RequireAdminTwoFactorAsync(cancellationToken));
        if (TwoFactorEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        }
        else
        {
            Setup = await accounts.GetAuthenticatorSetupAsync(user);
            QrCodeDataUri = QrCodeImage.PngDataUri(Setup.OtpAuthUri);
        }
    }
}
