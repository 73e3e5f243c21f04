using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Microsoft.AspNetCore.Mvc;

namespace Lantai.Web.Api.Catalogue;

/// <summary>The volume list's query string (page and GET /api/v1/volumes), parsed with Chinese messages.</summary>
public sealed class VolumeListQuery
{
    [FromQuery(Name = "fonds")]
    public string? Fonds { get; set; }

    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    [FromQuery(Name = "year")]
    public string? Year { get; set; }

    [FromQuery(Name = "retention")]
    public string? Retention { get; set; }

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>The nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; set; }

    public Result<(VolumeFilter Filter, string? Cursor, int Limit)> Parse(int clearance)
    {
        var errors = new List<Error>();
        int? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1000 and <= 9999)
            {
                year = y;
            }
            else
            {
                errors.Add(Error.Validation("year", $"年度“{Year}”无效（应为四位年份，如 2016）"));
            }
        }

        var limit = RecordListQuery.DefaultLimit;
        if (!string.IsNullOrWhiteSpace(Limit)
            && (!int.TryParse(Limit.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > VolumeQueries.MaxPageSize))
        {
            errors.Add(Error.Validation("limit", $"每页条数“{Limit}”无效（应为1至{VolumeQueries.MaxPageSize}的整数）"));
        }

        if (Cursor is { Length: > 100 })
        {
            errors.Add(Error.Validation("cursor", "翻页游标无效"));
        }

        if ((Q?.Length ?? 0) > 200 || (Fonds?.Length ?? 0) > 20 || (Category?.Length ?? 0) > 10 || (Retention?.Length ?? 0) > 10)
        {
            errors.Add(Error.Validation("q", "查询参数过长"));
        }

        if (errors.Count > 0)
        {
            return Result<(VolumeFilter, string?, int)>.Fail(errors);
        }

        var filter = new VolumeFilter
        {
            FondsCode = Clean(Fonds),
            CategoryCode = Clean(Category),
            Year = year,
            RetentionCode = Clean(Retention),
            Text = Clean(Q),
            Clearance = clearance,
        };
        return (filter, Clean(Cursor), limit);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
