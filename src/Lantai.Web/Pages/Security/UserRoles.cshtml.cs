using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Security;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lantai.Web.Pages.Security;

/// <summary>The security officer grants and revokes an account's roles and sets its clearance; a 三员分立 refusal is shown next to the roles.</summary>
[Authorize(Policy = Policies.RolesGrant)]
public sealed class UserRolesModel(UserQueries queries, UserAdministration administration, LantaiDbContext db, IStringLocalizer<SecurityResource> t) : PageModel
{
    private readonly Dictionary<string, string> _fieldErrors = new(StringComparer.Ordinal);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public int Clearance { get; set; }

    public UserSummary Account { get; private set; } = null!;
    public IReadOnlyList<CodeListEntry> Classifications { get; private set; } = [];
    public string? Notice { get; private set; }
    public List<string> Errors { get; } = [];

    public string? FieldError(string field) => _fieldErrors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Roles = [.. Account.Roles];
        Clearance = Account.Clearance;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await administration.SetAccessAsync(Id, Roles, Clearance, User.Identity!.Name!, cancellationToken);
        if (result.Succeeded)
        {
            Notice = t["已保存。"];
        }
        else
        {
            foreach (var error in result.Errors)
            {
                if (error.Field is "Roles" or "Clearance")
                {
                    _fieldErrors[error.Field] = error.Message;
                }
                else
                {
                    Errors.Add(error.Message);
                }
            }
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            Roles = [.. Account.Roles];
            Clearance = Account.Clearance;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken cancellationToken)
    {
        var result = await administration.ResetTwoFactorAsync(Id, User.Identity!.Name!, cancellationToken);
        if (result.Succeeded)
        {
            Notice = t["已重置双因素认证，用户下次可重新设置。"];
        }
        else
        {
            Errors.AddRange(result.Errors.Select(e => e.Message));
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Roles = [.. Account.Roles];
        Clearance = Account.Clearance;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var account = await queries.GetAsync(Id, cancellationToken);
        if (account is null)
        {
            return false;
        }

        Account = account;
        Classifications = await db.CodeListEntries.AsNoTracking()
            .Where(e => e.List == CodeLists.Classification).OrderBy(e => e.Rank).ToListAsync(cancellationToken);
        return true;
    }
}
