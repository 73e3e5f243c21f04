using Lantai.Preservation.Formats;

namespace Lantai.Transfer.Checks.Usability;

/// <summary>
/// Each file's format, identified from its content, is on the accepted list for long-term preservation (rule parameter
/// {"accepted": ["pdf", "pdfa-*", "ofd", …]}, default <see cref="FileFormats.DefaultAccepted"/>). A name whose
/// extension says another format is a warning: the file is kept as what it is.
/// </summary>
public sealed class FormatAcceptedCheck(ContentInspections inspections) : ICheck
{
    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.Ordinal)
    {
        ["pdf"] = [".pdf"],
        ["ofd"] = [".ofd"],
        ["tiff"] = [".tif", ".tiff"],
        ["jpeg"] = [".jpg", ".jpeg", ".jpe", ".jfif"],
        ["jp2"] = [".jp2", ".j2k", ".jpf", ".jpx", ".jpc"],
        ["png"] = [".png"],
        ["wav"] = [".wav"],
        ["mp3"] = [".mp3"],
        ["mp4"] = [".mp4", ".m4a", ".m4v"],
        ["avi"] = [".avi"],
        ["mxf"] = [".mxf"],
        ["xml"] = [".xml"],
    };

    public string Key => CheckKeys.FormatAccepted;

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (parameters, error) = RuleParameters.Read<Parameters>(rule);
        if (error is not null)
        {
            return [new CheckFinding(CheckOutcome.NotChecked, error)];
        }

        var accepted = parameters.Accepted ?? FileFormats.DefaultAccepted;
        var findings = new List<CheckFinding>();
        foreach (var file in context.Files)
        {
            var format = await inspections.FormatAsync(file.FullPath, cancellationToken);
            var what = $"文件“{file.Path}”格式为 {format.Name}（{format.MediaType}）";
            if (!FileFormats.IsOnList(format.FormatId, accepted))
            {
                findings.Add(CheckSubjects.About(file, CheckOutcome.Failed, $"{what}，不在长期保存格式清单内（可接受：{string.Join("、", accepted)}）"));
                continue;
            }

            var family = format.FormatId.StartsWith("pdfa-", StringComparison.Ordinal) ? "pdf" : format.FormatId == "ofd-a" ? "ofd" : format.FormatId;
            var extension = Path.GetExtension(file.Path);
            if (Extensions.TryGetValue(family, out var expected) && !expected.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                findings.Add(CheckSubjects.About(file, CheckOutcome.Warning, $"{what}，但扩展名为“{extension}”，与内容不符"));
                continue;
            }

            findings.Add(CheckSubjects.About(file, CheckOutcome.Passed, what));
        }

        return findings;
    }

    private sealed class Parameters
    {
        public string[]? Accepted { get; set; }
    }
}
