using Lantai.Preservation.Formats;

namespace Lantai.Transfer.Checks.Usability;

/// <summary>
/// Fonts of OFD files are embedded. A font only named (no FontFile) makes the display depend on the reader's fonts:
/// a warning for ordinary OFD, a failure for OFD-A (GB/T 42133-2022 requires everything embedded) and wherever the
/// rule says {"requireEmbedded": true} (seeded so at the preservation stage).
/// </summary>
public sealed class OfdFontsCheck(ContentInspections inspections) : ICheck
{
    public string Key => CheckKeys.OfdFonts;

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (parameters, error) = RuleParameters.Read<Parameters>(rule);
        if (error is not null)
        {
            return [new CheckFinding(CheckOutcome.NotChecked, error)];
        }

        var findings = new List<CheckFinding>();
        foreach (var file in context.Files)
        {
            var format = await inspections.FormatAsync(file.FullPath, cancellationToken);
            if (!ContentInspections.IsOfd(format))
            {
                continue;
            }

            var ofd = inspections.Ofd(file.FullPath, cancellationToken);
            if (ofd.NamedFonts.Count == 0)
            {
                findings.Add(CheckSubjects.About(file, CheckOutcome.Passed, $"文件“{file.Path}”的字体均已嵌入"));
                continue;
            }

            var fonts = string.Join("、", ofd.NamedFonts);
            if (ofd.IsOfdA)
            {
                findings.Add(CheckSubjects.About(file, CheckOutcome.Failed, $"文件“{file.Path}”为 OFD-A，要求嵌入全部字体，以下字体未嵌入：{fonts}"));
            }
            else if (parameters.RequireEmbedded)
            {
                findings.Add(CheckSubjects.About(file, CheckOutcome.Failed, $"文件“{file.Path}”的字体未嵌入（仅引用名称）：{fonts}；长期保存要求嵌入全部字体"));
            }
            else
            {
                findings.Add(CheckSubjects.About(file, CheckOutcome.Warning, $"文件“{file.Path}”的字体未嵌入（仅引用名称）：{fonts}；显示依赖阅读环境中的字体"));
            }
        }

        if (findings.Count == 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.NotChecked, "包内没有 OFD 文件"));
        }

        return findings;
    }

    private sealed class Parameters
    {
        public bool RequireEmbedded { get; set; }
    }
}
