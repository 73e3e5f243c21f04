using System.Text.RegularExpressions;
using Lantai.Common;

namespace Lantai.Catalogue;

/// <summary>
/// The field rules of a record (DA/T 22-2015, DESIGN.md §5), pure and shared by the forms, the API and the catalogue
/// import, so every entry path refuses the same things with the same Chinese messages.
/// </summary>
public static partial class RecordValidator
{
    /// <summary>Trims and NFC-normalises every text; nothing else is rewritten.</summary>
    public static RecordDraft Normalize(RecordDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft with
        {
            FondsCode = TextNormalizer.Clean(draft.FondsCode) ?? "",
            CategoryCode = TextNormalizer.Clean(draft.CategoryCode) ?? "",
            RetentionCode = TextNormalizer.Clean(draft.RetentionCode) ?? "",
            OrgUnitCode = TextNormalizer.Clean(draft.OrgUnitCode) ?? "",
            ArchivalCode = TextNormalizer.Clean(draft.ArchivalCode),
            Title = TextNormalizer.Clean(draft.Title) ?? "",
            Author = TextNormalizer.Clean(draft.Author),
            DocumentNumber = TextNormalizer.Clean(draft.DocumentNumber),
            Classification = TextNormalizer.Clean(draft.Classification) ?? "",
            Carrier = TextNormalizer.Clean(draft.Carrier),
            Remarks = TextNormalizer.Clean(draft.Remarks),
        };
    }

    /// <summary>Validates a normalised draft; each error names the field (<see cref="RecordFields"/>) it is about.</summary>
    public static List<Error> Validate(RecordDraft draft, CatalogueRules rules, string templateKey, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<Error>();
        void Fail(string field, string message) => errors.Add(Error.Validation(field, message));

        if (draft.FondsCode.Length == 0)
        {
            Fail(RecordFields.FondsCode, "全宗号不能为空");
        }
        else if (!FondsCodeRegex().IsMatch(draft.FondsCode))
        {
            Fail(RecordFields.FondsCode, $"全宗号“{draft.FondsCode}”格式无效（应为字母和数字，如 X013 或 0426）");
        }

        if (!rules.Categories.ContainsKey(draft.CategoryCode))
        {
            Fail(RecordFields.CategoryCode, $"门类代码“{draft.CategoryCode}”无效（可用：{string.Join("、", rules.Categories.Keys)}）");
        }

        if (draft.Year < 1000 || draft.Year > currentYear)
        {
            Fail(RecordFields.Year, $"年度“{draft.Year}”无效（应为1000至{currentYear}之间的四位年份）");
        }

        if (!rules.Retentions.ContainsKey(draft.RetentionCode))
        {
            Fail(RecordFields.RetentionCode, draft.RetentionCode.Length == 0
                ? "保管期限不能为空"
                : $"保管期限代码“{draft.RetentionCode}”无效（可用：{string.Join("、", rules.Retentions.Keys)}）");
        }

        if (draft.OrgUnitCode.Length > 0 && !CodeElementRegex().IsMatch(draft.OrgUnitCode))
        {
            Fail(RecordFields.OrgUnitCode, $"机构(问题)代码“{draft.OrgUnitCode}”不能含有“-”“·”或空格");
        }

        if (draft.ItemNumber is < 1 or > 99999)
        {
            Fail(RecordFields.ItemNumber, $"件号“{draft.ItemNumber}”无效（应为1至99999的整数）");
        }

        if (draft.Title.Length == 0)
        {
            Fail(RecordFields.Title, "题名不能为空");
        }

        CheckNotFormula(errors, RecordFields.Title, draft.Title);
        CheckNotFormula(errors, RecordFields.Author, draft.Author);
        CheckNotFormula(errors, RecordFields.DocumentNumber, draft.DocumentNumber);
        CheckNotFormula(errors, RecordFields.Remarks, draft.Remarks);

        if (draft.Date is { } date && date.Year > currentYear)
        {
            Fail(RecordFields.Date, $"日期“{date:yyyyMMdd}”晚于今年");
        }

        if (draft.PageCount is < 0)
        {
            Fail(RecordFields.PageCount, $"页数“{draft.PageCount}”不能为负数");
        }

        if (draft.Classification.Length > 0 && !rules.Classifications.ContainsKey(draft.Classification))
        {
            Fail(RecordFields.Classification, $"密级“{draft.Classification}”无效（可用：{string.Join("、", rules.Classifications.Keys)}，或留空）");
        }

        if (draft.Carrier is { } carrier && !rules.Carriers.ContainsKey(carrier))
        {
            Fail(RecordFields.Carrier, $"载体“{carrier}”无效（可用：{string.Join("、", rules.Carriers.Keys)}）");
        }

        if (draft.ArchivalCode is { } code)
        {
            CheckArchivalCode(errors, draft, code, rules.Format(templateKey));
        }

        return errors;
    }

    /// <summary>A received archival code must have the template's shape and agree with the record's own fields.</summary>
    private static void CheckArchivalCode(List<Error> errors, RecordDraft draft, string code, ArchivalCodeFormat format)
    {
        var parts = format.Parse(code);
        if (parts is null)
        {
            errors.Add(Error.Validation(RecordFields.ArchivalCode, $"档号“{code}”格式错误（应为 {format.Pattern}）"));
            return;
        }

        void Mismatch(string field, string inCode, string inField) =>
            errors.Add(Error.Validation(field, $"{RecordFields.Label(field)}“{inField}”与档号中的“{inCode}”不一致"));

        if (!string.Equals(parts.FondsCode, draft.FondsCode, StringComparison.Ordinal))
        {
            Mismatch(RecordFields.FondsCode, parts.FondsCode, draft.FondsCode);
        }

        if (!string.Equals(parts.CategoryCode, draft.CategoryCode, StringComparison.Ordinal))
        {
            Mismatch(RecordFields.CategoryCode, parts.CategoryCode, draft.CategoryCode);
        }

        if (parts.Year != draft.Year)
        {
            Mismatch(RecordFields.Year, parts.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), draft.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!string.Equals(parts.RetentionCode, draft.RetentionCode, StringComparison.Ordinal))
        {
            Mismatch(RecordFields.RetentionCode, parts.RetentionCode, draft.RetentionCode);
        }

        if (!string.Equals(parts.OrgUnitCode, draft.OrgUnitCode, StringComparison.Ordinal))
        {
            Mismatch(RecordFields.OrgUnitCode, parts.OrgUnitCode, draft.OrgUnitCode);
        }

        if (draft.ItemNumber is { } item && parts.ItemNumber is { } codeItem && item != codeItem)
        {
            Mismatch(RecordFields.ItemNumber, codeItem.ToString(System.Globalization.CultureInfo.InvariantCulture), item.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void CheckNotFormula(List<Error> errors, string field, string? value)
    {
        // A leading '=' is a spreadsheet formula (CSV injection): refuse rather than store something an export could run.
        if (value is { Length: > 0 } && value[0] == '=')
        {
            errors.Add(Error.Validation(field, $"{RecordFields.Label(field)}以“=”开头，疑似电子表格公式（公式注入），请改为纯文本"));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex FondsCodeRegex();

    [GeneratedRegex(@"^[^\s\-·]{1,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeElementRegex();
}
