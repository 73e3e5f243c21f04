using System.Collections.Frozen;
using System.Text;

namespace Lantai.Catalogue.Import;

/// <summary>
/// Recognises the column headers archivists write: the DA/T 22-2015 names and their usual variants (full-width or no
/// parentheses, spaces inside, a leading * for mandatory columns, synonyms such as 成文日期 or 保管期限代码).
/// </summary>
internal static class HeaderRecognizer
{
    private static readonly FrozenDictionary<string, ImportColumn> Names = new Dictionary<string, ImportColumn>(StringComparer.Ordinal)
    {
        ["档号"] = ImportColumn.ArchivalCode,
        ["全宗号"] = ImportColumn.FondsCode,
        ["全宗代码"] = ImportColumn.FondsCode,
        ["全宗编号"] = ImportColumn.FondsCode,
        ["立档单位"] = ImportColumn.CreatorName,
        ["立档单位名称"] = ImportColumn.CreatorName,
        ["全宗名称"] = ImportColumn.CreatorName,
        ["门类"] = ImportColumn.Category,
        ["门类代码"] = ImportColumn.Category,
        ["门类名称"] = ImportColumn.Category,
        ["档案门类"] = ImportColumn.Category,
        ["年度"] = ImportColumn.Year,
        ["年份"] = ImportColumn.Year,
        ["保管期限"] = ImportColumn.Retention,
        ["保管期限代码"] = ImportColumn.Retention,
        ["机构问题"] = ImportColumn.OrgUnit,
        ["机构问题代码"] = ImportColumn.OrgUnit,
        ["机构"] = ImportColumn.OrgUnit,
        ["机构代码"] = ImportColumn.OrgUnit,
        ["问题"] = ImportColumn.OrgUnit,
        ["问题代码"] = ImportColumn.OrgUnit,
        ["件号"] = ImportColumn.ItemNumber,
        ["责任者"] = ImportColumn.Author,
        ["文号"] = ImportColumn.DocumentNumber,
        ["文件编号"] = ImportColumn.DocumentNumber,
        ["发文字号"] = ImportColumn.DocumentNumber,
        ["题名"] = ImportColumn.Title,
        ["文件题名"] = ImportColumn.Title,
        ["标题"] = ImportColumn.Title,
        ["日期"] = ImportColumn.Date,
        ["成文日期"] = ImportColumn.Date,
        ["文件日期"] = ImportColumn.Date,
        ["形成日期"] = ImportColumn.Date,
        ["页数"] = ImportColumn.PageCount,
        ["密级"] = ImportColumn.Classification,
        ["密级代码"] = ImportColumn.Classification,
        ["载体"] = ImportColumn.Carrier,
        ["载体类型"] = ImportColumn.Carrier,
        ["开放状态"] = ImportColumn.OpenStatus,
        ["备注"] = ImportColumn.Remarks,
        ["附注"] = ImportColumn.Remarks,
        ["文件"] = ImportColumn.Files,
        ["电子文件"] = ImportColumn.Files,
        ["文件名"] = ImportColumn.Files,
        ["计算机文件名"] = ImportColumn.Files,
        ["文件路径"] = ImportColumn.Files,
        ["序号"] = ImportColumn.Ignored,
        ["顺序号"] = ImportColumn.Ignored,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ImportColumn Recognize(string? header) =>
        header is not null && Names.TryGetValue(Key(header), out var column) ? column : ImportColumn.Unknown;

    /// <summary>The header reduced to what identifies it: NFKC (full-width → ASCII), no spaces, brackets or asterisks.</summary>
    internal static string Key(string header)
    {
        var folded = header.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or '【' or '】' or '〔' or '〕' or '*' or '\uFEFF' or '\u200B')
            {
                continue;
            }

            sb.Append(char.ToUpperInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>The usual header of a column, for messages about a column the file does not have.</summary>
    public static string Label(ImportColumn column) => column switch
    {
        ImportColumn.ArchivalCode => "档号",
        ImportColumn.FondsCode => "全宗号",
        ImportColumn.CreatorName => "立档单位",
        ImportColumn.Category => "门类",
        ImportColumn.Year => "年度",
        ImportColumn.Retention => "保管期限",
        ImportColumn.OrgUnit => "机构(问题)",
        ImportColumn.ItemNumber => "件号",
        ImportColumn.Author => "责任者",
        ImportColumn.DocumentNumber => "文号",
        ImportColumn.Title => "题名",
        ImportColumn.Date => "日期",
        ImportColumn.PageCount => "页数",
        ImportColumn.Classification => "密级",
        ImportColumn.Carrier => "载体",
        ImportColumn.OpenStatus => "开放状态",
        ImportColumn.Remarks => "备注",
        ImportColumn.Files => "文件",
        _ => column.ToString(),
    };
}
