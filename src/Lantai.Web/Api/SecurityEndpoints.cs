namespace Lantai.Web.Api;

/// <summary>/api/v1 security endpoints: the current user, the audit log.</summary>
public static class SecurityEndpoints
{
    public static RouteGroupBuilder MapSecurityEndpoints(this RouteGroupBuilder group)
    {
        return group;
    }
}
