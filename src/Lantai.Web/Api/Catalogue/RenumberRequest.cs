using Lantai.Catalogue;
using Lantai.Common;

namespace Lantai.Web.Api.Catalogue;

/// <summary>POST /arrangement/renumber/preview and /apply: the group (an item class, or a volume) and the order.</summary>
public sealed record RenumberRequest
{
    public string? FondsCode { get; init; }

    public string? CategoryCode { get; init; }

    public int? Year { get; init; }

    public string? RetentionCode { get; init; }

    public string? OrgUnitCode { get; init; }

    /// <summary>Renumber the items of this volume instead of an item class.</summary>
    public Guid? VolumeId { get; init; }

    /// <summary>itemNumber (default: keep the order, close the gaps) or date.</summary>
    public string? Order { get; init; }

    /// <summary>On apply: the token of the preview that was confirmed; the apply is refused if the group changed since.</summary>
    public string? Token { get; init; }

    public Result<(ArrangementGroup Group, RenumberOrder Order)> Parse()
    {
        var errors = new List<Error>();
        var order = RenumberOrder.ItemNumber;
        switch (Order?.Trim().ToLowerInvariant())
        {
            case null or "" or "itemnumber":
                break;
            case "date":
                order = RenumberOrder.Date;
                break;
            default:
                errors.Add(Error.Validation("order", $"排列顺序“{Order}”无效（可用：itemNumber 按现件号、date 按日期）"));
                break;
        }

        if (VolumeId is { } volume)
        {
            return errors.Count > 0 ? Result<(ArrangementGroup, RenumberOrder)>.Fail(errors) : (ArrangementGroup.ForVolume(new VolumeId(volume)), order);
        }

        if (string.IsNullOrWhiteSpace(FondsCode))
        {
            errors.Add(Error.Validation(RecordFields.FondsCode, "全宗号不能为空"));
        }

        if (Year is null)
        {
            errors.Add(Error.Validation(RecordFields.Year, "年度不能为空"));
        }

        if (string.IsNullOrWhiteSpace(RetentionCode))
        {
            errors.Add(Error.Validation(RecordFields.RetentionCode, "保管期限不能为空"));
        }

        if (errors.Count > 0)
        {
            return Result<(ArrangementGroup, RenumberOrder)>.Fail(errors);
        }

        var group = ArrangementGroup.ForClass(FondsCode!.Trim(), (CategoryCode ?? "WS").Trim(), Year!.Value, RetentionCode!.Trim(), OrgUnitCode?.Trim() ?? "");
        return (group, order);
    }
}
