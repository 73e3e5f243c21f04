using System.Text;
using Lantai.Catalogue.Import;

namespace Lantai.Tests.Catalogue.Import;

/// <summary>The sample catalogues (copied from the shared samples into the repository) and small generated files.</summary>
internal static class ImportSamples
{
    public const string Header = "档号,全宗号,年度,保管期限,机构(问题),件号,责任者,文号,题名,日期,页数,密级,备注";

    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Lantai.Tests", "Catalogue", "Import", "Samples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Catalogue samples not found above " + AppContext.BaseDirectory);
    });

    public static string PathOf(string name) => Path.Combine(Folder.Value, name);

    public static ImportSource File(string name) => ImportSource.FromFile(PathOf(name));

    /// <summary>A CSV file as Excel saves "CSV UTF-8": with a BOM and CRLF line ends.</summary>
    public static ImportSource Csv(string content, string fileName = "目录.csv") =>
        ImportSource.FromBytes(fileName, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\r\n"))]);

    /// <summary>The CSV rows of a sample, header excluded, parsed naively (the samples have no quoted commas except the bad-rows file).</summary>
    public static string[] Lines(string name) =>
        [.. System.IO.File.ReadAllLines(PathOf(name), Encoding.UTF8).Skip(1)];
}
