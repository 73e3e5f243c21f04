using System.Globalization;
using System.Text.RegularExpressions;
using Lantai.Common;

namespace Lantai.Web.Api.Catalogue;

/// <summary>One error of a refused import: the spreadsheet row (null for the whole file), the column header, the reason, and the line "第R行 列名: 原因".</summary>
public sealed partial record ImportErrorResponse(int? Row, string? Column, string Message, string Line)
{
    /// <summary>
    /// Reads back an error of <c>CatalogueImporter.CommitAsync</c>, whose message is <c>ImportIssue.ToString()</c>
    /// ("第R行 列名: 原因" or "文件: 原因") and whose field is the column. Anything else (the "另有N个错误未列出" line) is kept whole.
    /// </summary>
    public static ImportErrorResponse From(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var line = error.Message;
        var where = LocationRegex().Match(line);
        if (where.Success)
        {
            var row = where.Groups[1].Success ? int.Parse(where.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture) : (int?)null;
            var separator = error.Field is null ? ": " : " " + error.Field + ": ";
            var rest = line[where.Length..];
            if (rest.StartsWith(separator, StringComparison.Ordinal))
            {
                return new ImportErrorResponse(row, error.Field, rest[separator.Length..], line);
            }
        }

        return new ImportErrorResponse(null, error.Field, line, line);
    }

    [GeneratedRegex("^(?:第([0-9]+)行|文件)", RegexOptions.CultureInvariant)]
    private static partial Regex LocationRegex();
}
