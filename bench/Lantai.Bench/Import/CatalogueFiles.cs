using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Lantai.Bench.Import;

/// <summary>Writes generated rows the way archivists' files arrive: CSV UTF-8 with BOM, and xlsx with numbers as numbers.</summary>
internal static class CatalogueFiles
{
    private const string Header = "档号,全宗号,年度,保管期限,机构(问题),件号,责任者,文号,题名,日期,页数,密级,备注";

    public static void WriteCsv(string path, IEnumerable<BenchRow> rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        writer.Write(Header + "\r\n");
        var line = new StringBuilder(256);
        foreach (var r in rows)
        {
            line.Clear();
            line.Append(r.ArchivalCode).Append(',').Append(r.FondsCode).Append(',').Append(r.Year.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Retention).Append(',').Append(r.OrgUnit).Append(',').Append(r.Item.ToString("D4", CultureInfo.InvariantCulture)).Append(',')
                .Append(Quote(r.Author)).Append(',').Append(Quote(r.DocumentNumber)).Append(',').Append(Quote(r.Title)).Append(',')
                .Append(r.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append(',').Append(r.Pages.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Classification).Append(',').Append(Quote(r.Remarks)).Append("\r\n");
            writer.Write(line);
        }
    }

    /// <summary>
    /// An xlsx as a spreadsheet program leaves it after opening a CSV: 全宗号, 年度, 件号, 日期 and 页数 are numbers
    /// (0426 → 426, 0001 → 1, 20160312 as a number). MiniExcel streams the rows out.
    /// </summary>
    public static void WriteXlsx(string path, IEnumerable<BenchRow> rows)
    {
        static object FondsCell(string code) => code.All(char.IsAsciiDigit) ? double.Parse(code, CultureInfo.InvariantCulture) : code;
        var data = rows.Select(r => new Dictionary<string, object?>
        {
            ["档号"] = r.ArchivalCode,
            ["全宗号"] = FondsCell(r.FondsCode),
            ["年度"] = r.Year,
            ["保管期限"] = r.Retention,
            ["机构(问题)"] = r.OrgUnit,
            ["件号"] = r.Item,
            ["责任者"] = r.Author,
            ["文号"] = r.DocumentNumber,
            ["题名"] = r.Title,
            ["日期"] = int.Parse(r.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            ["页数"] = r.Pages,
            ["密级"] = r.Classification,
            ["备注"] = r.Remarks,
        });
        MiniExcel.SaveAs(path, data, overwriteFile: true);
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
