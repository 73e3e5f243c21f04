using System.Globalization;
using System.Security.Claims;
using Lantai.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lantai.Web.Security;

/// <summary>
/// Adds clearance, display name and the account's pending duties (change the one-time password, two-factor on or off)
/// to the principal, so pages and the account gate read them without a database query. Identity rebuilds the
/// principal at every security-stamp validation, so changes reach open sessions within that interval.
/// </summary>
public sealed class LantaiClaimsPrincipalFactory(
    UserManager<LantaiUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LantaiUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LantaiUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LantaiClaims.Clearance, user.Clearance.ToString(CultureInfo.InvariantCulture)));
        if (!string.IsNullOrEmpty(user.DisplayName))
        {
            identity.AddClaim(new Claim(LantaiClaims.DisplayName, user.DisplayName));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(LantaiClaims.MustChangePassword, "true"));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(LantaiClaims.TwoFactorEnabled, "true"));
        }

        return identity;
    }
}
