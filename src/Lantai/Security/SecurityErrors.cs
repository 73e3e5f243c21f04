using Lantai.Common;
using Microsoft.AspNetCore.Identity;

namespace Lantai.Security;

/// <summary>Error codes of the account use cases, and the translation of Identity's failures into <see cref="Error"/> values.</summary>
public static class SecurityErrors
{
    /// <summary>三员分立 refused a set of roles.</summary>
    public const string Separation = "separation-of-duties";

    /// <summary>The action may not be done to one's own account (it would bypass the separation of duties).</summary>
    public const string OwnAccount = "own-account";

    public static Error SeparationOfDuties(string message) => new(Separation, message, "Roles");

    public static IReadOnlyList<Error> From(IdentityResult result, string passwordField = "Password")
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Errors.Select(e => new Error(
            e.Code == "DuplicateUserName" ? "conflict" : "validation",
            e.Description,
            e.Code switch
            {
                "PasswordMismatch" => "CurrentPassword",
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                _ when e.Code.Contains("UserName", StringComparison.Ordinal) => "UserName",
                _ => null,
            }))];
    }
}
