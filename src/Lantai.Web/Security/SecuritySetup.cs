namespace Lantai.Web.Security;

/// <summary>Identity, cookies, two-factor sign-in, lockout and the authorization policies of every role.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddLantaiSecurity(this IServiceCollection services)
    {
        services.AddAuthentication();
        services.AddAuthorization();
        return services;
    }
}
