using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lantai.Web.Pages.Security;

/// <summary>
/// The accounts: the system administrator creates, disables, enables and unlocks them and resets passwords; the security
/// officer sees the same list and goes on to each account's roles and clearance, and sets the admin two-factor rule.
/// </summary>
[Authorize(Policy = Policies.AccountsRead)]
public sealed class UsersModel(
    UserQueries queries,
    UserAdministration administration,
    SecuritySettings settings,
    SecuritySettingsCache settingsCache,
    IAuthorizationService authorization,
    LantaiDbContext db,
    IStringLocalizer<SecurityResource> t) : PageModel
{
    private readonly Dictionary<string, string> _fieldErrors = new(StringComparer.Ordinal);
    private Dictionary<int, string> _clearances = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string NewUserName { get; set; } = "";

    [BindProperty]
    public string? NewDisplayName { get; set; }

    [BindProperty]
    public bool RequireAdminTwoFactor { get; set; }

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanGrant { get; private set; }
    public string? Notice { get; private set; }
    public (string UserName, string Password)? Issued { get; private set; }
    public List<string> Errors { get; } = [];

    public string? FieldError(string field) => _fieldErrors.GetValueOrDefault(field);

    public string ClearanceName(int rank) => rank == 0 ? t["无"] : _clearances.GetValueOrDefault(rank, rank.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string Local(DateTimeOffset at) => ArchiveTime.Format(at);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(Policies.AccountsManage))
        {
            return Forbid();
        }

        var result = await administration.CreateAsync(new NewAccount { UserName = NewUserName, DisplayName = NewDisplayName }, Actor, cancellationToken);
        if (result.Succeeded)
        {
            Issued = (result.Value.User.UserName!, result.Value.OneTimePassword);
            NewUserName = "";
            NewDisplayName = null;
            ModelState.Clear();
        }
        else
        {
            Show(result.Errors);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken) =>
        ManageAsync(() => administration.SetDisabledAsync(id, true, Actor, cancellationToken), u => t["已停用账号 {0}。", u.UserName!], cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken) =>
        ManageAsync(() => administration.SetDisabledAsync(id, false, Actor, cancellationToken), u => t["已启用账号 {0}。", u.UserName!], cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) =>
        ManageAsync(() => administration.UnlockAsync(id, Actor, cancellationToken), u => t["已解除账号 {0} 的锁定。", u.UserName!], cancellationToken);

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(Policies.AccountsManage))
        {
            return Forbid();
        }

        var result = await administration.ResetPasswordAsync(id, Actor, cancellationToken);
        if (result.Succeeded)
        {
            Issued = (result.Value.User.UserName!, result.Value.OneTimePassword);
        }
        else
        {
            Show(result.Errors);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(Policies.RolesGrant))
        {
            return Forbid();
        }

        await settings.SetRequireAdminTwoFactorAsync(RequireAdminTwoFactor, Actor, cancellationToken);
        settingsCache.Invalidate();
        Notice = RequireAdminTwoFactor ? t["已要求管理员使用双因素认证。"] : t["已不再要求管理员使用双因素认证。"];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private string Actor => User.Identity!.Name!;

    private async Task<IActionResult> ManageAsync(Func<Task<Result<LantaiUser>>> change, Func<LantaiUser, string> notice, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(Policies.AccountsManage))
        {
            return Forbid();
        }

        var result = await change();
        if (result.Succeeded)
        {
            Notice = notice(result.Value);
        }
        else
        {
            Show(result.Errors);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private void Show(IReadOnlyList<Error> errors)
    {
        foreach (var error in errors)
        {
            if (error.Field == "UserName")
            {
                _fieldErrors["UserName"] = error.Message;
            }
            else
            {
                Errors.Add(error.Message);
            }
        }
    }

    private async Task<bool> AllowedAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanManage = await AllowedAsync(Policies.AccountsManage);
        CanGrant = await AllowedAsync(Policies.RolesGrant);
        Users = await queries.ListAsync(Q, cancellationToken);
        _clearances = (await db.CodeListEntries.AsNoTracking().Where(e => e.List == CodeLists.Classification).ToListAsync(cancellationToken))
            .GroupBy(e => e.Rank).ToDictionary(g => g.Key, g => g.First().Name);
        if (CanGrant)
        {
            RequireAdminTwoFactor = await settings.RequireAdminTwoFactorAsync(cancellationToken);
        }
    }
}
