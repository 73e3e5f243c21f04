namespace Lantai.Transfer.Checks.Security;

/// <summary>
/// No file on the carrier that the catalogue does not name (DA/T 70 "载体中多余文件"). The package's own description
/// files (catalogue, BagIt tag files) are not content and are ignored; the list is a rule parameter {"ignore": [...]},
/// matched against the file name at any depth ('*' at the end matches a prefix).
/// </summary>
public sealed class StrayFilesCheck : ICheck
{
    private static readonly string[] DefaultIgnore =
        ["目录.xlsx", "目录.csv", "catalogue.xlsx", "catalogue.csv", "bagit.txt", "bag-info.txt", "fetch.txt", "manifest-*", "tagmanifest-*"];

    public string Key => CheckKeys.StrayFiles;

    public Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (parameters, error) = RuleParameters.Read<Parameters>(rule);
        var ignore = parameters.Ignore ?? DefaultIgnore;
        var referenced = context.Items.SelectMany(i => i.FileRefs).ToHashSet(StringComparer.Ordinal);
        var findings = new List<CheckFinding>();
        if (error is not null)
        {
            findings.Add(new CheckFinding(CheckOutcome.NotChecked, error));
            return Task.FromResult<IReadOnlyList<CheckFinding>>(findings);
        }

        foreach (var file in context.Files.Where(f => f.ItemId is null && !referenced.Contains(f.PathKey)))
        {
            var name = Path.GetFileName(file.PathKey);
            if (ignore.Any(p => p.EndsWith('*') ? name.StartsWith(p[..^1], StringComparison.OrdinalIgnoreCase) : string.Equals(p, name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            findings.Add(CheckSubjects.About(file, CheckOutcome.Failed, $"文件“{file.Path}”未被目录的“文件”列引用（多余文件）"));
        }

        if (findings.Count == 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.Passed, $"包内 {context.Files.Count} 个文件均被目录引用，无多余文件"));
        }

        return Task.FromResult<IReadOnlyList<CheckFinding>>(findings);
    }

    private sealed class Parameters
    {
        public string[]? Ignore { get; set; }
    }
}
