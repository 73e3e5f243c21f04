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
        ["demo.load"] = "载入示例数据",
        ["orgunit.rename"] = "修改机构(问题)名称",
        ["category.create"] = "增加门类",
        ["category.rename"] = "修改门类名称",
        ["codelist.create"] = "增加代码",
        ["codelist.rename"] = "修改代码名称",
        ["template.create"] = "增加档号模板",
        ["template.update"] = "修改档号模板",
        ["volume.create"] = "建立案卷",
        ["arrangement.renumber"] = "重新编号",
    };

    /// <summary>Chinese names of the entity types in the log (an unknown type is shown as its code).</summary>
    public static IReadOnlyDictionary<string, string> EntityTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Record"] = "档案",
        ["Fonds"] = "全宗",
        ["OrgUnit"] = "机构(问题)",
        ["Volume"] = "案卷",
        ["User"] = "账号",
        ["AuditLog"] = "审计日志",
        ["CatalogueImport"] = "目录导入",
        ["ArchiveProfile"] = "档案馆",
        ["CodeListEntry"] = "代码表",
        ["Category"] = "门类",
        ["ArchivalCodeTemplate"] = "档号模板",
        ["Setting"] = "安全设置",
    };
}
