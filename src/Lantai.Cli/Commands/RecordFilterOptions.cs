using System.CommandLine;
using Lantai.Catalogue;

namespace Lantai.Cli.Commands;

/// <summary>The selection options shared by `export` and `records list`; one instance per command.</summary>
internal sealed class RecordFilterOptions
{
    private readonly Option<string?> _fonds = new("--fonds") { Description = "全宗号 (fonds code)" };
    private readonly Option<string?> _category = new("--category") { Description = "门类代码，如 WS (category code)" };
    private readonly Option<int?> _year = new("--year") { Description = "年度 (year)" };
    private readonly Option<int?> _yearFrom = new("--year-from") { Description = "起始年度 (first year)" };
    private readonly Option<int?> _yearTo = new("--year-to") { Description = "终止年度 (last year)" };
    private readonly Option<string?> _retention = new("--retention") { Description = "保管期限：Y、D30、D10 (retention)" };
    private readonly Option<string?> _org = new("--org") { Description = "机构(问题)代码 (org unit code)" };
    private readonly Option<OpenStatus?> _openStatus = new("--open-status")
    {
        Description = "开放状态：未审|开放|控制|部分开放 或 unreviewed|open|controlled|partly-open (open status)",
        CustomParser = ParseOpenStatus,
    };
    private readonly Option<string?> _classification = new("--classification") { Description = "密级，如 内部；\"\" 为非密 (classification)" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { _fonds, _category, _year, _yearFrom, _yearTo, _retention, _org, _openStatus, _classification })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The selection. The command line is run by an operator who holds the database itself, so it sees every
    /// classification; classification checks apply to the web and API, where users are told apart.
    /// </summary>
    public RecordFilter Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RecordFilter
        {
            FondsCode = Blank(result.GetValue(_fonds)),
            CategoryCode = Blank(result.GetValue(_category)),
            Year = result.GetValue(_year),
            YearFrom = result.GetValue(_yearFrom),
            YearTo = result.GetValue(_yearTo),
            RetentionCode = Blank(result.GetValue(_retention)),
            OrgUnitCode = Blank(result.GetValue(_org)),
            OpenStatus = result.GetValue(_openStatus),
            Classification = result.GetValue(_classification),
            Clearance = int.MaxValue,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static OpenStatus? ParseOpenStatus(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
        OpenStatus? status = text.ToUpperInvariant() switch
        {
            "未审" or "UNREVIEWED" => OpenStatus.Unreviewed,
            "开放" or "OPEN" => OpenStatus.Open,
            "控制" or "控制使用" or "CONTROLLED" => OpenStatus.Controlled,
            "部分开放" or "PARTLY-OPEN" or "PARTLYOPEN" => OpenStatus.PartlyOpen,
            _ => null,
        };
        if (status is null)
        {
            result.AddError($"开放状态“{text}”无效（可用：未审、开放、控制、部分开放）");
        }

        return status;
    }
}
