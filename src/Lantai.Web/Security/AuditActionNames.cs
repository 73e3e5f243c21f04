namespace Lantai.Web.Security;

/// <summary>Chinese names of the audit actions Lantai writes, for the log viewer (an unknown action is shown as its code).</summary>
public static class AuditActionNames
{
    public static IReadOnlyDictionary<string, string> Known { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["user.create"] = "创建账号",
        ["user.disable"] = "停用账号",
        ["user.enable"] = "启用账号",
        ["user.unlock"] = "解除锁定",
        ["user.password.reset"] = "重置密码",
        ["user.password.change"] = "修改密码",
        ["user.role.grant"] = "授予角色",
        ["user.role.revoke"] = "撤销角色",
        ["user.clearance"] = "设置密级权限",
        ["user.2fa.enable"] = "启用双因素认证",
        ["user.2fa.disable"] = "关闭双因素认证",
        ["user.2fa.reset"] = "重置双因素认证",
        ["user.2fa.recovery-codes"] = "重新生成恢复码",
        ["setting.update"] = "修改安全设置",
        ["audit.verify"] = "校验日志链",
        ["audit.export"] = "导出审计日志",
        ["fonds.create"] = "创建全宗",
        ["fonds.update"] = "修改全宗",
        ["orgunit.create"] = "创建机构(问题)",
        ["archive.update"] = "修改档案馆信息",
        ["record.create"] = "著录档案",
        ["record.update"] = "修改档案",
        ["catalogue.import"] = "导入目录",
    };
}
