namespace Lantai.Web.Security;

/// <summary>Claims Lantai adds to the sign-in cookie beside Identity's name, id and roles.</summary>
public static class LantaiClaims
{
    /// <summary>The user's clearance rank (0 = unclassified only), compared with a record's classification rank.</summary>
    public const string Clearance = "lantai:clearance";

    public const string DisplayName = "lantai:display_name";

    /// <summary>Present while the user still signs in with a one-time password; every page then leads to the change-password page.</summary>
    public const string MustChangePassword = "lantai:must_change_password";

    /// <summary>Present when the account signs in with two factors.</summary>
    public const string TwoFactorEnabled = "lantai:two_factor";
}
