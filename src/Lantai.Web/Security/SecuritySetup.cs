using Lantai.Data;
using Lantai.Security;
using Microsoft.AspNetCore.Identity;

namespace Lantai.Web.Security;

/// <summary>Identity, cookies, two-factor sign-in, lockout, the account gate and the authorization policies of every role.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddLantaiSecurity(this IServiceCollection services)
    {
        services.AddIdentity<LantaiUser, IdentityRole<Guid>>(LantaiIdentity.Configure)
            .AddEntityFrameworkStores<LantaiDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<LantaiClaimsPrincipalFactory>();

        // Open sessions pick up role changes and end after a disable or password reset within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<SecuritySettingsCache>();
        services.AddTransient<IStartupFilter, AccountGateStartupFilter>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "lantai.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.CatalogueRead, p => p.RequireRole(LantaiRoles.Archivist, LantaiRoles.Reviewer))
            .AddPolicy(Policies.CatalogueWrite, p => p.RequireRole(LantaiRoles.Archivist))
            .AddPolicy(Policies.SystemSettings, p => p.RequireRole(LantaiRoles.SystemAdministrator))
            .AddPolicy(Policies.TransferRead, p => p.RequireRole(LantaiRoles.Archivist, LantaiRoles.Reviewer, LantaiRoles.SystemAdministrator))
            .AddPolicy(Policies.TransferFilesDelete, p => p.RequireRole(LantaiRoles.SystemAdministrator))
            .AddPolicy(Policies.AccountsRead, p => p.RequireRole(LantaiRoles.SystemAdministrator, LantaiRoles.SecurityOfficer))
            .AddPolicy(Policies.AccountsManage, p => p.RequireRole(LantaiRoles.SystemAdministrator))
            .AddPolicy(Policies.RolesGrant, p => p.RequireRole(LantaiRoles.SecurityOfficer))
            .AddPolicy(Policies.AuditRead, p => p.RequireRole(LantaiRoles.SecurityAuditor));

        services.AddRazorPages(o =>
        {
            // Every catalogue page needs catalogue reading, except the archive's settings, which belong to the system
            // administrator alone (三员分立: that account need not be an archivist too).
            o.Conventions.AddFolderApplicationModelConvention("/Catalogue", model =>
            {
                if (!model.ViewEnginePath.StartsWith("/Catalogue/Settings", StringComparison.Ordinal))
                {
                    model.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(Policies.CatalogueRead));
                }
            });
            o.Conventions.AuthorizeFolder("/Transfer", Policies.TransferRead);
            o.Conventions.AuthorizeFolder("/Security");
            // Account pages need a signed-in user except those that sign in or out.
            o.Conventions.AuthorizeFolder("/Account");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
            o.Conventions.AllowAnonymousToPage("/Account/Logout");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
        });
        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            return status == StatusCodes.Status401Unauthorized
                ? SecurityProblems.Problem(status, SecurityProblems.Unauthenticated, "未登录或登录已过期").ExecuteAsync(ctx.HttpContext)
                : SecurityProblems.Problem(status, SecurityProblems.Forbidden, "无权访问：账号没有此操作所需的角色").ExecuteAsync(ctx.HttpContext);
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
