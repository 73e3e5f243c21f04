using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;

namespace Lantai.Web.Pages.Catalogue.Fonds;

/// <summary>The fonds form as typed (years as text, parsed with Chinese messages).</summary>
public sealed class FondsForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? CreatorName { get; set; }

    public string? StartYear { get; set; }

    public string? EndYear { get; set; }

    public string? CodeTemplateKey { get; set; } = ArchivalCodeTemplate.Dat22ItemKey;

    public string? Description { get; set; }

    public static FondsForm From(Lantai.Catalogue.Fonds f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new FondsForm
        {
            Code = f.Code,
            Name = f.Name,
            CreatorName = f.CreatorName,
            StartYear = CatalogueDisplay.Number(f.StartYear),
            EndYear = CatalogueDisplay.Number(f.EndYear),
            CodeTemplateKey = f.CodeTemplateKey,
            Description = f.Description,
        };
    }

    public Result<FondsDraft> ToDraft()
    {
        var errors = new List<Error>();
        var start = Year(StartYear, nameof(StartYear), "起始年度", errors);
        var end = Year(EndYear, nameof(EndYear), "终止年度", errors);
        if (errors.Count > 0)
        {
            return Result<FondsDraft>.Fail(errors);
        }

        return new FondsDraft
        {
            Code = Code ?? "",
            Name = Name ?? "",
            CreatorName = CreatorName,
            StartYear = start,
            EndYear = end,
            CodeTemplateKey = CodeTemplateKey ?? ArchivalCodeTemplate.Dat22ItemKey,
            Description = Description,
        };
    }

    private static int? Year(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1000 and <= 9999)
        {
            return y;
        }

        errors.Add(Error.Validation(field, $"{label}“{text}”应为四位年份"));
        return null;
    }
}
