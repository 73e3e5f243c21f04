using Lantai.Catalogue;
using Lantai.Common;

namespace Lantai.Web.Api.Catalogue;

/// <summary>
/// Nobody files a record (or volume) above their own clearance: they could not see it afterwards, and it would put a
/// classification on paper that the person was not cleared to judge.
/// </summary>
public static class ClassificationGuard
{
    public static Error? Check(CatalogueRules rules, string? classification, int clearance, string field = RecordFields.Classification)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var code = classification?.Trim() ?? "";
        return rules.ClassificationRank(code) > clearance
            ? Error.Validation(field, $"不能著录高于本人知悉范围的密级“{code}”")
            : null;
    }
}
