namespace Lantai.Transfer.Checks;

/// <summary>
/// The seeded check items (DESIGN.md §5, DA/T 70-2018). The same implementations run at filing (GD), transfer (YJ)
/// and long-term preservation (BC); each stage has its own rows so an administrator can tune one stage alone.
/// </summary>
/// <remarks>
/// Codes: DA/T 70-2018 numbers its items per stage as &lt;stage&gt;-&lt;property&gt;-&lt;n&gt;. The numbers used here follow the
/// GD table as DESIGN.md and common implementations quote it (GD-1-1 固化信息有效性, GD-1-7 档号规范性, GD-1-8 重复性,
/// GD-2-1/2-2 总件数/总字节数相符性, GD-2-4 必填著录项, GD-3-3 格式, GD-4-2 病毒, GD-4-3 多余文件); the YJ and BC
/// numbers mirror the GD ones. NOT VERIFIED against the printed YJ and BC tables, which could not be consulted here:
/// an administrator can rename codes in the database if the standard's tables differ. DA/T 70's item 1-1 covers digest,
/// signature, seal and time-stamp together; Lantai splits it into sub-items -1 (digest) and -2 (signature).
/// Lantai's own items (no DA/T 70 equivalent) are LT-&lt;stage&gt;-x-y: the stage is part of the code because the code is
/// the rule's key and the same item exists at every stage.
/// </remarks>
public static class CheckRules
{
    private sealed record Template(
        string Number,
        string Name,
        CheckProperty Property,
        CheckTarget Target,
        string Key,
        bool Blocking,
        bool Lantai,
        CheckStage[] Stages,
        Func<CheckStage, string?>? Parameters = null);

    private static readonly CheckStage[] All = [CheckStage.Filing, CheckStage.Transfer, CheckStage.Preservation];
    private static readonly CheckStage[] Receipt = [CheckStage.Filing, CheckStage.Transfer];

    private static readonly Template[] Templates =
    [
        new("1-1-1", "固化信息有效性检测（数字摘要）", CheckProperty.Authenticity, CheckTarget.Content, CheckKeys.DeclaredDigest, true, false, All),
        new("1-1-2", "固化信息有效性检测（电子签名）", CheckProperty.Authenticity, CheckTarget.Content, CheckKeys.Signature, true, false, All),
        new("1-3", "元数据项数据类型、格式检测", CheckProperty.Authenticity, CheckTarget.Metadata, CheckKeys.CatalogueRows, true, false, Receipt),
        new("1-7", "档号规范性检测", CheckProperty.Authenticity, CheckTarget.Metadata, CheckKeys.ArchivalCodeFormat, true, false, All),
        new("1-8", "元数据项数据重复性检测（档号）", CheckProperty.Authenticity, CheckTarget.Metadata, CheckKeys.ArchivalCodeUnique, true, false, All),
        new("1-9", "内容数据的电子属性一致性检测", CheckProperty.Authenticity, CheckTarget.Content, CheckKeys.ContentMetadata, false, false, All),
        new("2-1", "总件数相符性检测", CheckProperty.Integrity, CheckTarget.Package, CheckKeys.DeclaredCounts, true, false, Receipt, _ => """{"measure":"count"}"""),
        new("2-2", "总字节数相符性检测", CheckProperty.Integrity, CheckTarget.Package, CheckKeys.DeclaredCounts, true, false, Receipt, _ => """{"measure":"bytes"}"""),
        new("2-4", "元数据必填著录项目检测", CheckProperty.Integrity, CheckTarget.Metadata, CheckKeys.RequiredMetadata, true, false, All),
        new("2-7", "内容数据完整性检测", CheckProperty.Integrity, CheckTarget.Content, CheckKeys.ItemFiles, true, false, All),
        new("3-3", "内容数据格式检测", CheckProperty.Usability, CheckTarget.Content, CheckKeys.FormatAccepted, true, false, All),
        new("3-4", "内容数据可读性检测", CheckProperty.Usability, CheckTarget.Content, CheckKeys.ContentReadable, true, false, All),
        new("3-1", "OFD 字体嵌入检测", CheckProperty.Usability, CheckTarget.Content, CheckKeys.OfdFonts, true, true, All,
            // Long-term preservation needs everything for display inside the package (OFD-A); before that a named font is a warning.
            stage => stage == CheckStage.Preservation ? """{"requireEmbedded":true}""" : null),
        new("4-2", "病毒感染检测", CheckProperty.Security, CheckTarget.Package, CheckKeys.VirusScan, true, false, All),
        new("4-3", "载体中多余文件检测", CheckProperty.Security, CheckTarget.Carrier, CheckKeys.StrayFiles, true, false, Receipt),
        new("4-1", "可执行程序、脚本和宏检测", CheckProperty.Security, CheckTarget.Content, CheckKeys.ExecutableContent, true, true, All),
        new("4-2", "信息包安全打开检测", CheckProperty.Security, CheckTarget.Package, CheckKeys.PackageOpening, true, true, Receipt),
    ];

    /// <summary>Every seeded rule of every stage, in report order.</summary>
    public static IReadOnlyList<CheckRule> Defaults => Build();

    public static string Prefix(CheckStage stage) => stage switch
    {
        CheckStage.Filing => "GD",
        CheckStage.Transfer => "YJ",
        CheckStage.Preservation => "BC",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    private static List<CheckRule> Build()
    {
        var rules = new List<CheckRule>();
        foreach (var stage in All)
        {
            var order = 0;
            foreach (var t in Templates.Where(t => t.Stages.Contains(stage)))
            {
                order += 10;
                rules.Add(new CheckRule
                {
                    Code = t.Lantai ? $"LT-{Prefix(stage)}-{t.Number}" : $"{Prefix(stage)}-{t.Number}",
                    Name = t.Name,
                    Stage = stage,
                    Property = t.Property,
                    Target = t.Target,
                    CheckKey = t.Key,
                    Parameters = t.Parameters?.Invoke(stage),
                    Automatic = true,
                    Blocking = t.Blocking,
                    Enabled = true,
                    SortOrder = order,
                });
            }
        }

        return rules;
    }
}
