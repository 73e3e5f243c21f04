using System.Text.RegularExpressions;
using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>
/// Edits the code lists (categories, retention periods, classifications, carriers) and the archival-code templates,
/// each change audited. Codes are never changed or removed once made, because records and codes carry them; names are.
/// </summary>
public sealed partial class CodeListService(LantaiDbContext db, TimeProvider time)
{
    public static IReadOnlyList<string> Lists { get; } = [CodeLists.Retention, CodeLists.Classification, CodeLists.Carrier];

    public static string ListName(string list) => list switch
    {
        CodeLists.Retention => "保管期限",
        CodeLists.Classification => "密级",
        CodeLists.Carrier => "载体",
        _ => list,
    };

    public async Task<Result<Category>> AddCategoryAsync(string code, string name, string actor, CancellationToken cancellationToken)
    {
        code = TextNormalizer.Clean(code) ?? "";
        name = TextNormalizer.Clean(name) ?? "";
        if (!CategoryCodeRegex().IsMatch(code))
        {
            return Error.Validation(nameof(Category.Code), "门类代码应为1至10位字母或数字（如 WS、KJ）");
        }

        if (name.Length is 0 or > 50)
        {
            return Error.Validation(nameof(Category.Name), "门类名称不能为空，且不超过50字");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        if (await db.Categories.AnyAsync(c => c.Code == code, cancellationToken))
        {
            return Error.Conflict($"门类代码“{code}”已存在", nameof(Category.Code));
        }

        var order = 1 + (await db.Categories.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0);
        var category = new Category { Code = code, Name = name, SortOrder = order };
        db.Categories.Add(category);
        tx.Record("category.create", nameof(Category), code, $"{code} {name}", after: new { code, name, sortOrder = order });
        await tx.CommitAsync(cancellationToken);
        return category;
    }

    public async Task<Result<Category>> RenameCategoryAsync(string code, string name, string actor, CancellationToken cancellationToken)
    {
        name = TextNormalizer.Clean(name) ?? "";
        if (name.Length is 0 or > 50)
        {
            return Error.Validation(nameof(Category.Name), "门类名称不能为空，且不超过50字");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (category is null)
        {
            return Error.NotFound("门类");
        }

        var before = new { category.Code, category.Name };
        category.Name = name;
        tx.Record("category.rename", nameof(Category), code, $"{code} {name}", before, new { category.Code, category.Name });
        await tx.CommitAsync(cancellationToken);
        return category;
    }

    /// <param name="rank">Order in the list; for classifications the clearance needed to see such records (1 or more).</param>
    /// <param name="years">Years kept, for retention periods (null = permanent).</param>
    public async Task<Result<CodeListEntry>> AddEntryAsync(string list, string code, string name, int rank, int? years, string actor, CancellationToken cancellationToken)
    {
        code = TextNormalizer.Clean(code) ?? "";
        name = TextNormalizer.Clean(name) ?? "";
        if (!Lists.Contains(list, StringComparer.Ordinal))
        {
            return Error.Validation(nameof(CodeListEntry.List), $"代码表“{list}”不存在");
        }

        if (!EntryCodeRegex().IsMatch(code))
        {
            return Error.Validation(nameof(CodeListEntry.Code), "代码不能为空，不超过20字，且不能含有“-”“·”“|”或空格");
        }

        if (name.Length is 0 or > 50)
        {
            return Error.Validation(nameof(CodeListEntry.Name), "名称不能为空，且不超过50字");
        }

        if (list == CodeLists.Classification && rank < 1)
        {
            // Rank 0 is the clearance of everyone: a classification at 0 would hide nothing.
            return Error.Validation(nameof(CodeListEntry.Rank), "密级的级别应为1或以上（用户的知悉范围不低于该级别才能查看）");
        }

        if (years is < 1 or > 1000)
        {
            return Error.Validation(nameof(CodeListEntry.Years), "保管年限应为1至1000年，永久保管请留空");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        if (await db.CodeListEntries.AnyAsync(e => e.List == list && e.Code == code, cancellationToken))
        {
            return Error.Conflict($"{ListName(list)}代码“{code}”已存在", nameof(CodeListEntry.Code));
        }

        var entry = new CodeListEntry { List = list, Code = code, Name = name, Rank = rank, Years = list == CodeLists.Retention ? years : null };
        db.CodeListEntries.Add(entry);
        tx.Record("codelist.create", nameof(CodeListEntry), $"{list}:{code}", $"{ListName(list)} {code} {name}", after: new { entry.List, entry.Code, entry.Name, entry.Rank, entry.Years });
        await tx.CommitAsync(cancellationToken);
        return entry;
    }

    public async Task<Result<CodeListEntry>> RenameEntryAsync(string list, string code, string name, string actor, CancellationToken cancellationToken)
    {
        name = TextNormalizer.Clean(name) ?? "";
        if (name.Length is 0 or > 50)
        {
            return Error.Validation(nameof(CodeListEntry.Name), "名称不能为空，且不超过50字");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var entry = await db.CodeListEntries.FirstOrDefaultAsync(e => e.List == list && e.Code == code, cancellationToken);
        if (entry is null)
        {
            return Error.NotFound("代码");
        }

        var before = new { entry.List, entry.Code, entry.Name };
        entry.Name = name;
        tx.Record("codelist.rename", nameof(CodeListEntry), $"{list}:{code}", $"{ListName(list)} {code} {name}", before, new { entry.List, entry.Code, entry.Name });
        await tx.CommitAsync(cancellationToken);
        return entry;
    }

    /// <summary>Adds a template, or changes the name and pattern of an existing one. Codes already given keep their text.</summary>
    public async Task<Result<ArchivalCodeTemplate>> SaveTemplateAsync(string key, string name, string pattern, bool forVolumes, string actor, CancellationToken cancellationToken)
    {
        key = TextNormalizer.Clean(key) ?? "";
        name = TextNormalizer.Clean(name) ?? "";
        pattern = TextNormalizer.Clean(pattern) ?? "";
        if (key.Length is 0 or > 50)
        {
            return Error.Validation(nameof(ArchivalCodeTemplate.Key), "模板标识不能为空，且不超过50字");
        }

        if (name.Length is 0 or > 200)
        {
            return Error.Validation(nameof(ArchivalCodeTemplate.Name), "模板名称不能为空，且不超过200字");
        }

        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        var template = await db.ArchivalCodeTemplates.FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        // An existing template keeps its kind: item codes and volume codes need different numbers.
        var volumes = template?.ForVolumes ?? forVolumes;
        if (CheckPattern(pattern, volumes) is { } problem)
        {
            return Error.Validation(nameof(ArchivalCodeTemplate.Pattern), problem);
        }

        if (template is null)
        {
            template = new ArchivalCodeTemplate { Key = key, Name = name, Pattern = pattern, ForVolumes = volumes };
            db.ArchivalCodeTemplates.Add(template);
            tx.Record("template.create", nameof(ArchivalCodeTemplate), key, $"{key} {pattern}", after: new { key, name, pattern, forVolumes = volumes });
        }
        else
        {
            var before = new { template.Key, template.Name, template.Pattern, template.ForVolumes };
            template.Name = name;
            template.Pattern = pattern;
            tx.Record("template.update", nameof(ArchivalCodeTemplate), key, $"{key} {pattern}", before, new { template.Key, template.Name, template.Pattern, template.ForVolumes });
        }

        await tx.CommitAsync(cancellationToken);
        return template;
    }

    /// <summary>
    /// A pattern is accepted when it compiles, has the number it needs, and a sample code rendered from it parses back
    /// to the same parts (two placeholders side by side without a separator could not be told apart).
    /// </summary>
    public static string? CheckPattern(string pattern, bool forVolumes)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > 200)
        {
            return "模板不能为空，且不超过200字";
        }

        ArchivalCodeFormat format;
        try
        {
            format = new ArchivalCodeFormat(pattern);
        }
        catch (ArgumentException)
        {
            return "模板含有未知的占位符（可用：{fonds} {category} {year} {retention} {orgunit} {volume:N} {item:N}）";
        }

        if (!pattern.Contains("{fonds}", StringComparison.Ordinal) || !pattern.Contains("{year}", StringComparison.Ordinal))
        {
            return "模板必须含有全宗号 {fonds} 和年度 {year}";
        }

        if (forVolumes ? !pattern.Contains("{volume", StringComparison.Ordinal) : !pattern.Contains("{item", StringComparison.Ordinal))
        {
            return forVolumes ? "案卷模板必须含有案卷号 {volume:3}" : "件的模板必须含有件号 {item:4}";
        }

        var sample = new ArchivalCodeParts
        {
            FondsCode = "X013",
            CategoryCode = "WS",
            Year = 2016,
            RetentionCode = "D30",
            OrgUnitCode = "BGS",
            VolumeNumber = 12,
            ItemNumber = 7,
        };
        try
        {
            var code = format.Render(sample);
            var parsed = format.Parse(code);
            var expected = sample with
            {
                CategoryCode = pattern.Contains("{category}", StringComparison.Ordinal) ? sample.CategoryCode : "",
                RetentionCode = pattern.Contains("{retention}", StringComparison.Ordinal) ? sample.RetentionCode : "",
                OrgUnitCode = pattern.Contains("{orgunit}", StringComparison.Ordinal) ? sample.OrgUnitCode : "",
                VolumeNumber = pattern.Contains("{volume", StringComparison.Ordinal) ? sample.VolumeNumber : null,
                ItemNumber = pattern.Contains("{item", StringComparison.Ordinal) ? sample.ItemNumber : null,
            };
            if (parsed is null || parsed != expected)
            {
                return $"按此模板生成的档号“{code}”无法拆回各组成部分，请在占位符之间加入分隔符“-”或“·”";
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return "模板无法生成档号";
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return "模板过于复杂";
        }

        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryCodeRegex();

    [GeneratedRegex(@"^[^\s\-·|]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryCodeRegex();
}
