namespace Lantai.Security;

/// <summary>
/// The roles of Lantai. The three administrative roles are separated (三员分立): no account may hold two of them;
/// only the security officer grants roles and clearances, only the auditor reads the audit log.
/// </summary>
public static class LantaiRoles
{
    public const string Archivist = "Archivist";                   // 档案员
    public const string Reviewer = "Reviewer";                     // 审核员
    public const string Patron = "Patron";                         // 利用者
    public const string SystemAdministrator = "SystemAdministrator"; // 系统管理员
    public const string SecurityOfficer = "SecurityOfficer";       // 安全保密员
    public const string SecurityAuditor = "SecurityAuditor";       // 安全审计员

    public static IReadOnlyList<string> All { get; } =
        [Archivist, Reviewer, Patron, SystemAdministrator, SecurityOfficer, SecurityAuditor];

    /// <summary>The roles of which one account may hold at most one.</summary>
    public static IReadOnlyList<string> Separated { get; } = [SystemAdministrator, SecurityOfficer, SecurityAuditor];

    public static string DisplayName(string role) => role switch
    {
        Archivist => "档案员",
        Reviewer => "审核员",
        Patron => "利用者",
        SystemAdministrator => "系统管理员",
        SecurityOfficer => "安全保密员",
        SecurityAuditor => "安全审计员",
        _ => role,
    };

    /// <summary>Checks the separation of duties for a set of roles; returns the conflicting pair's message or null.</summary>
    public static string? SeparationViolation(IEnumerable<string> roles)
    {
        var held = Separated.Where(r => roles.Contains(r, StringComparer.Ordinal)).ToList();
        return held.Count > 1
            ? $"三员分立：同一账号不能同时担任{string.Join("和", held.Select(DisplayName))}"
            : null;
    }
}
