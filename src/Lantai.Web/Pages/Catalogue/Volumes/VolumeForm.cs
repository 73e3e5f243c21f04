using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;

namespace Lantai.Web.Pages.Catalogue.Volumes;

/// <summary>The volume form as typed.</summary>
public sealed class VolumeForm
{
    public string? FondsCode { get; set; }

    public string? CategoryCode { get; set; } = "WS";

    public string? Year { get; set; }

    public string? RetentionCode { get; set; }

    public string? OrgUnitCode { get; set; }

    public string? VolumeNumber { get; set; }

    public string? Title { get; set; }

    public string? Classification { get; set; }

    public string? Remarks { get; set; }

    public Result<VolumeDraft> ToDraft()
    {
        var errors = new List<Error>();
        if (!int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            errors.Add(Error.Validation(RecordFields.Year, string.IsNullOrWhiteSpace(Year) ? "年度不能为空" : $"年度“{Year}”应为四位数字，如 2016"));
        }

        int? number = null;
        if (!string.IsNullOrWhiteSpace(VolumeNumber))
        {
            if (int.TryParse(VolumeNumber.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                number = n;
            }
            else
            {
                errors.Add(Error.Validation(nameof(VolumeNumber), $"案卷号“{VolumeNumber}”应为整数"));
            }
        }

        if (errors.Count > 0)
        {
            return Result<VolumeDraft>.Fail(errors);
        }

        return new VolumeDraft
        {
            FondsCode = FondsCode ?? "",
            CategoryCode = CategoryCode ?? "",
            Year = year,
            RetentionCode = RetentionCode ?? "",
            OrgUnitCode = OrgUnitCode ?? "",
            VolumeNumber = number,
            Title = Title ?? "",
            Classification = Classification ?? "",
            Remarks = Remarks,
        };
    }
}
