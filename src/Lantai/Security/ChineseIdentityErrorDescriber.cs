using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Lantai.Security;

/// <summary>Identity's validation messages in Chinese, so they can be shown next to the field as they are.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Describe(nameof(DefaultError), "操作失败");
    public override IdentityError ConcurrencyFailure() => Describe(nameof(ConcurrencyFailure), "账号已被他人修改，请刷新后重试");
    public override IdentityError PasswordMismatch() => Describe(nameof(PasswordMismatch), "密码错误");
    public override IdentityError InvalidToken() => Describe(nameof(InvalidToken), "验证码无效");
    public override IdentityError RecoveryCodeRedemptionFailed() => Describe(nameof(RecoveryCodeRedemptionFailed), "恢复码无效或已使用");
    public override IdentityError InvalidUserName(string? userName) =>
        Describe(nameof(InvalidUserName), $"用户名“{userName}”无效：只能使用字母、数字和 - . _ @ +");
    public override IdentityError DuplicateUserName(string userName) => Describe(nameof(DuplicateUserName), $"用户名“{userName}”已存在");
    public override IdentityError InvalidRoleName(string? role) => Describe(nameof(InvalidRoleName), $"角色“{role}”无效");
    public override IdentityError DuplicateRoleName(string role) => Describe(nameof(DuplicateRoleName), $"角色“{role}”已存在");
    public override IdentityError UserAlreadyHasPassword() => Describe(nameof(UserAlreadyHasPassword), "账号已设置密码");
    public override IdentityError UserLockoutNotEnabled() => Describe(nameof(UserLockoutNotEnabled), "账号未启用锁定");
    public override IdentityError UserAlreadyInRole(string role) => Describe(nameof(UserAlreadyInRole), $"账号已担任{LantaiRoles.DisplayName(role)}");
    public override IdentityError UserNotInRole(string role) => Describe(nameof(UserNotInRole), $"账号未担任{LantaiRoles.DisplayName(role)}");
    public override IdentityError PasswordTooShort(int length) =>
        Describe(nameof(PasswordTooShort), string.Create(CultureInfo.InvariantCulture, $"密码至少需要{length}个字符"));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Describe(nameof(PasswordRequiresUniqueChars), string.Create(CultureInfo.InvariantCulture, $"密码至少需要{uniqueChars}个不同的字符"));
    public override IdentityError PasswordRequiresNonAlphanumeric() => Describe(nameof(PasswordRequiresNonAlphanumeric), "密码须包含至少一个符号");
    public override IdentityError PasswordRequiresDigit() => Describe(nameof(PasswordRequiresDigit), "密码须包含至少一个数字");
    public override IdentityError PasswordRequiresLower() => Describe(nameof(PasswordRequiresLower), "密码须包含至少一个小写字母");
    public override IdentityError PasswordRequiresUpper() => Describe(nameof(PasswordRequiresUpper), "密码须包含至少一个大写字母");

    private static IdentityError Describe(string code, string description) => new() { Code = code, Description = description };
}
