using System.Security.Claims;
using Lantai.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Lantai.Web.Security;

/// <summary>
/// Sends a signed-in user to finish the account's pending duties before anything else: change a one-time password,
/// then, when the archive requires it of administrators, set up two-factor sign-in. Pages are redirected; the API
/// answers 403 with a ProblemDetails naming the duty. The pages that carry out the duties, sign-out, static files,
/// /api/v1/me and /api/v1/auth stay open.
/// </summary>
public sealed class AccountGate(RequestDelegate next, SecuritySettingsCache settings)
{
    public const string ChangePasswordPath = "/Account/ChangePassword";
    public const string ManagePath = "/Account/Manage";

    private static readonly string[] AlwaysOpen =
        [ChangePasswordPath, "/Account/Logout", "/Account/Login", "/Account/LoginWith2fa", "/Account/AccessDenied", "/api/v1/me", "/api/v1/auth", "/healthz"];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        if (IsOpen(path, AlwaysOpen) || IsStaticFile(path))
        {
            await next(context);
            return;
        }

        // This runs ahead of the authentication middleware (see AccountGateStartupFilter); the cookie handler caches
        // its result for the request, so reading the principal here costs nothing later.
        var auth = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!auth.Succeeded || auth.Principal is not { } user)
        {
            await next(context);
            return;
        }

        if (user.HasClaim(c => c.Type == LantaiClaims.MustChangePassword))
        {
            await DivertAsync(context, ChangePasswordPath, SecurityProblems.PasswordChangeRequired, "请先修改一次性密码");
            return;
        }

        if (!path.StartsWithSegments(ManagePath, StringComparison.OrdinalIgnoreCase) && await NeedsTwoFactorAsync(user, context.RequestAborted))
        {
            await DivertAsync(context, ManagePath, SecurityProblems.TwoFactorSetupRequired, "本馆要求管理员启用双因素认证，请先完成设置");
            return;
        }

        await next(context);
    }

    private async ValueTask<bool> NeedsTwoFactorAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        !user.HasClaim(c => c.Type == LantaiClaims.TwoFactorEnabled)
        && LantaiRoles.Separated.Any(user.IsInRole)
        && await settings.RequireAdminTwoFactorAsync(cancellationToken);

    private static async Task DivertAsync(HttpContext context, string page, string problemType, string title)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await SecurityProblems.Problem(StatusCodes.Status403Forbidden, problemType, title).ExecuteAsync(context);
            return;
        }

        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{page}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
    }

    private static bool IsOpen(PathString path, string[] prefixes) =>
        prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Files under wwwroot (styles, scripts, fonts) have an extension; pages and API routes do not.</summary>
    private static bool IsStaticFile(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && Path.HasExtension(path.Value);
}
