namespace Lantai.Transfer.Checks.Security;

/// <summary>
/// Virus scan of every file with ClamAV (DA/T 70 病毒感染检测). Parameter {"database": "/path"} names the signature
/// database directory for clamscan. Without ClamAV or its database the line is 未检测 with the reason, never a pass.
/// </summary>
public sealed class VirusScanCheck : ICheck
{
    public string Key => CheckKeys.VirusScan;

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (parameters, error) = RuleParameters.Read<Parameters>(rule);
        if (error is not null)
        {
            return [new CheckFinding(CheckOutcome.NotChecked, error)];
        }

        if (context.Files.Count == 0)
        {
            return [new CheckFinding(CheckOutcome.NotChecked, "包内没有文件")];
        }

        var paths = context.Files.Select(f => Path.GetFullPath(f.FullPath)).ToList();
        var scan = await ClamAvScanner.ScanAsync(paths, parameters.Database, cancellationToken);
        if (!scan.Scanned)
        {
            return [new CheckFinding(CheckOutcome.NotChecked, scan.Reason!)];
        }

        var findings = new List<CheckFinding>();
        foreach (var file in context.Files)
        {
            if (scan.Infected.TryGetValue(Path.GetFullPath(file.FullPath), out var signature))
            {
                findings.Add(CheckSubjects.About(file, CheckOutcome.Failed, $"文件“{file.Path}”发现病毒或恶意代码：{signature}"));
            }
        }

        if (findings.Count == 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.Passed, $"{ClamAvScanner.Version} 以 {scan.Scanner} 扫描 {context.Files.Count} 个文件，未发现病毒"));
        }

        return findings;
    }

    private sealed class Parameters
    {
        public string? Database { get; set; }
    }
}
