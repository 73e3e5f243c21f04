using Lantai.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Security;

/// <summary>
/// The Identity rules shared by the web host and the CLI (password length, lockout), so an account created on the
/// command line obeys the same rules as one created in the browser.
/// </summary>
public static class LantaiIdentity
{
    /// <summary>The token provider that checks authenticator-app (TOTP, RFC 6238) codes.</summary>
    public static string AuthenticatorProvider => TokenOptions.DefaultAuthenticatorProvider;

    /// <summary>Reserved for entries the system writes itself; no account may take it.</summary>
    public const string SystemActor = "system";

    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.Password.RequiredLength = 10;
        options.Password.RequireNonAlphanumeric = false;
        options.User.RequireUniqueEmail = false;
    }

    /// <summary>Identity without cookies or sign-in, for the CLI and engine tests.</summary>
    public static IServiceCollection AddLantaiIdentityCore(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddIdentityCore<LantaiUser>(Configure)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<LantaiDbContext>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddTokenProvider<AuthenticatorTokenProvider<LantaiUser>>(AuthenticatorProvider);
        return services;
    }
}
