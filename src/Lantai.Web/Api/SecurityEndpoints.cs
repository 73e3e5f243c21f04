using System.Globalization;
using System.Security.Claims;
using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Security;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Api;

/// <summary>/api/v1 security endpoints: sign-in for scripts, the current user, the audit log and its verification.</summary>
public static class SecurityEndpoints
{
    public static RouteGroupBuilder MapSecurityEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/me", GetMeAsync).WithName("GetMe");

        var auth = group.MapGroup("/auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous().WithName("Login");
        auth.MapPost("/logout", LogoutAsync).WithName("Logout");

        var audit = group.MapGroup("/audit").RequireAuthorization(Policies.AuditRead);
        audit.MapGet("", ListAuditAsync).WithName("ListAudit");
        audit.MapPost("/verify", VerifyAuditAsync).WithName("VerifyAudit");
        return group;
    }

    /// <summary>
    /// Signs a script in with a cookie: password, then (when the account has two factors) a TOTP code or a recovery code
    /// in the same request. Wrong passwords and wrong codes both count towards the lockout.
    /// </summary>
    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInManager<LantaiUser> signIn, UserManager<LantaiUser> users, LantaiDbContext db, CancellationToken cancellationToken)
    {
        var invalid = SecurityProblems.Problem(StatusCodes.Status401Unauthorized, SecurityProblems.InvalidCredentials, "用户名或密码错误");
        if (string.IsNullOrEmpty(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return invalid;
        }

        var user = await users.FindByNameAsync(request.UserName);
        if (user is null)
        {
            return invalid;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return AccountLockout.IsDisabled(user)
                ? SecurityProblems.Problem(StatusCodes.Status403Forbidden, SecurityProblems.AccountDisabled, "账号已停用")
                : SecurityProblems.Problem(StatusCodes.Status403Forbidden, SecurityProblems.LockedOut, "登录失败次数过多，账号已暂时锁定");
        }

        if (!check.Succeeded)
        {
            return invalid;
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.Code))
            {
                return SecurityProblems.Problem(StatusCodes.Status401Unauthorized, SecurityProblems.TwoFactorRequired, "此账号已启用双因素认证，须提供验证码（code）");
            }

            var totp = AccountService.CleanCode(request.Code);
            var valid = totp.Length == 6 && totp.All(char.IsAsciiDigit)
                ? await users.VerifyTwoFactorTokenAsync(user, LantaiIdentity.AuthenticatorProvider, totp)
                : (await users.RedeemTwoFactorRecoveryCodeAsync(user, request.Code.Trim())).Succeeded;
            if (!valid)
            {
                await users.AccessFailedAsync(user);
                return SecurityProblems.Problem(StatusCodes.Status401Unauthorized, SecurityProblems.InvalidTwoFactorCode, "验证码或恢复码错误");
            }

            await users.ResetAccessFailedCountAsync(user);
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", user.TwoFactorEnabled ? "mfa" : "pwd")]);
        return TypedResults.Ok(await MeAsync(user, [.. await users.GetRolesAsync(user)], db, cancellationToken));
    }

    private static async Task<NoContent> LogoutAsync(SignInManager<LantaiUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> GetMeAsync(
        ClaimsPrincipal principal, UserManager<LantaiUser> users, LantaiDbContext db, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        return TypedResults.Ok(await MeAsync(user, [.. await users.GetRolesAsync(user)], db, cancellationToken));
    }

    private static async Task<Results<Ok<AuditListResponse>, ProblemHttpResult>> ListAuditAsync(
        AuditQueries queries,
        string? actor,
        string? action,
        string? entityType,
        string? entityId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? text,
        string? cursor,
        int? limit,
        CancellationToken cancellationToken)
    {
        if (cursor is not null && !long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return SecurityProblems.Problem(StatusCodes.Status400BadRequest, SecurityProblems.InvalidFilter, "游标（cursor）无效");
        }

        var filter = new AuditFilter { Actor = actor, Action = action, EntityType = entityType, EntityId = entityId, From = from, To = to, Text = text };
        var page = await queries.PageAsync(filter, cursor, limit ?? 100, cancellationToken);
        return TypedResults.Ok(new AuditListResponse([.. page.Entries.Select(AuditEntryResponse.From)], page.NextCursor));
    }

    private static async Task<Ok<AuditVerifyResponse>> VerifyAuditAsync(ClaimsPrincipal principal, AuditReview review, CancellationToken cancellationToken)
    {
        var result = await review.VerifyAsync(principal.Identity!.Name!, cancellationToken);
        return TypedResults.Ok(new AuditVerifyResponse(result.Intact, result.EntriesChecked, result.FirstBrokenSequence, result.Problem));
    }

    private static async Task<MeResponse> MeAsync(LantaiUser user, IReadOnlyList<string> roles, LantaiDbContext db, CancellationToken cancellationToken)
    {
        var clearanceName = user.Clearance == 0
            ? null
            : await db.CodeListEntries.AsNoTracking()
                .Where(e => e.List == CodeLists.Classification && e.Rank == user.Clearance)
                .Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
        return new MeResponse(user.Id, user.UserName!, user.DisplayName, roles, user.Clearance, clearanceName, user.TwoFactorEnabled, user.MustChangePassword);
    }
}

/// <summary>POST /api/v1/auth/login: user name and password, and the TOTP or recovery code when the account has two factors.</summary>
internal sealed record LoginRequest(string UserName, string Password, string? Code);

/// <summary>The signed-in user: roles (role keys), clearance rank and its classification name.</summary>
internal sealed record MeResponse(
    Guid Id, string UserName, string? DisplayName, IReadOnlyList<string> Roles, int Clearance, string? ClearanceName, bool TwoFactorEnabled, bool MustChangePassword);

internal sealed record AuditListResponse(IReadOnlyList<AuditEntryResponse> Items, string? Next);

internal sealed record AuditVerifyResponse(bool Intact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);

internal sealed record AuditEntryResponse(
    long Sequence, DateTimeOffset At, string Actor, string Action, string EntityType, string? EntityId, string? Summary,
    string? Before, string? After, IReadOnlyList<AuditChange> Changes, string Hash)
{
    public static AuditEntryResponse From(AuditEntry e) =>
        new(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, e.Summary, e.Before, e.After, AuditDiff.Compute(e.Before, e.After), e.Hash);
}
