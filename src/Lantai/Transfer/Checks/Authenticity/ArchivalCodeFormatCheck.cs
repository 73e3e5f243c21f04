using Lantai.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Transfer.Checks.Authenticity;

/// <summary>
/// Each archival code has the shape of its fonds' template (DA/T 22-2015 or DA/T 13-2022, DESIGN.md §5) and agrees with
/// the record's own fields. A fonds not yet in the catalogue is judged by any of the archive's item templates.
/// </summary>
public sealed class ArchivalCodeFormatCheck : ICheck
{
    public string Key => CheckKeys.ArchivalCodeFormat;

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rules = await CatalogueRules.LoadAsync(context.Db, cancellationToken);
        var fondsCodes = context.Items.Select(i => i.Record?.FondsCode).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var templates = await context.Db.Fonds.AsNoTracking()
            .Where(f => fondsCodes.Contains(f.Code))
            .ToDictionaryAsync(f => f.Code, f => f.CodeTemplateKey, StringComparer.Ordinal, cancellationToken);
        var itemTemplates = rules.Templates.Values.Where(t => !t.ForVolumes).Select(t => t.Key).ToList();

        var findings = new List<CheckFinding>();
        var good = 0;
        foreach (var item in context.Items.Where(i => i.Record is not null))
        {
            var record = item.Record!;
            if (string.IsNullOrWhiteSpace(record.ArchivalCode))
            {
                findings.Add(CheckSubjects.About(item, CheckOutcome.Failed, "档号为空"));
                continue;
            }

            var keys = templates.TryGetValue(record.FondsCode, out var key) ? [key] : itemTemplates;
            string? problem = null;
            foreach (var templateKey in keys)
            {
                var format = rules.Format(templateKey);
                problem = format.Parse(record.ArchivalCode) is { } parts
                    ? Disagreement(parts, record)
                    : $"档号“{record.ArchivalCode}”格式错误（应为 {format.Pattern}）";
                if (problem is null)
                {
                    break;
                }
            }

            if (problem is null)
            {
                good++;
            }
            else
            {
                findings.Add(CheckSubjects.About(item, CheckOutcome.Failed, problem));
            }
        }

        if (good > 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.Passed, $"{good} 条档号格式规范，与著录项一致"));
        }

        return findings;
    }

    private static string? Disagreement(ArchivalCodeParts parts, Record record)
    {
        var differences = new List<string>();
        void Compare(string label, string inCode, string inRecord)
        {
            if (!string.Equals(inCode, inRecord, StringComparison.Ordinal))
            {
                differences.Add($"{label}“{inRecord}”与档号中的“{inCode}”不一致");
            }
        }

        Compare("全宗号", parts.FondsCode, record.FondsCode);
        Compare("门类代码", parts.CategoryCode, record.CategoryCode);
        Compare("年度", parts.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare("保管期限", parts.RetentionCode, record.RetentionCode);
        Compare("机构(问题)", parts.OrgUnitCode, record.OrgUnitCode);
        if (parts.ItemNumber is { } n && n != record.ItemNumber)
        {
            differences.Add($"件号“{record.ItemNumber}”与档号中的“{n}”不一致");
        }

        return differences.Count == 0 ? null : $"档号“{record.ArchivalCode}”：" + string.Join("；", differences);
    }
}
