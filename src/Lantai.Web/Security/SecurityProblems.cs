using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantai.Web.Security;

/// <summary>The ProblemDetails of the security API: a Chinese title for people and a stable type for scripts.</summary>
public static class SecurityProblems
{
    public const string Unauthenticated = "urn:lantai:problem:unauthenticated";
    public const string Forbidden = "urn:lantai:problem:forbidden";
    public const string InvalidCredentials = "urn:lantai:problem:invalid-credentials";
    public const string LockedOut = "urn:lantai:problem:locked-out";
    public const string AccountDisabled = "urn:lantai:problem:account-disabled";
    public const string TwoFactorRequired = "urn:lantai:problem:two-factor-required";
    public const string InvalidTwoFactorCode = "urn:lantai:problem:invalid-two-factor-code";
    public const string PasswordChangeRequired = "urn:lantai:problem:password-change-required";
    public const string TwoFactorSetupRequired = "urn:lantai:problem:two-factor-setup-required";
    public const string InvalidFilter = "urn:lantai:problem:invalid-filter";

    public static ProblemHttpResult Problem(int status, string type, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);
}
