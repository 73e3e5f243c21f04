using System.Security.Claims;
using Lantai.Security;
using Microsoft.AspNetCore.Identity;

namespace Lantai.Web.Api;

/// <summary>Who is asking, for the catalogue: the audit actor and the clearance that limits what they may see.</summary>
public static class CatalogueUser
{
    private const string ClearanceKey = "lantai.clearance";

    /// <summary>The viewer's clearance (0 when unknown), read once per request.</summary>
    public static async Task<int> ClearanceAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ClearanceKey, out var cached) && cached is int known)
        {
            return known;
        }

        var users = context.RequestServices.GetRequiredService<UserManager<LantaiUser>>();
        var user = await users.GetUserAsync(context.User);
        var clearance = user?.Clearance ?? 0;
        context.Items[ClearanceKey] = clearance;
        return clearance;
    }

    public static string Actor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name ?? "unknown";
    }

    /// <summary>The user id that scopes idempotency keys.</summary>
    public static string Id(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) ?? Actor(user);
    }
}
