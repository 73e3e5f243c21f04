namespace Lantai.Transfer.Checks.Authenticity;

/// <summary>Each file's content matches the digests the package declared for it (manifest, catalogue, registration form).</summary>
public sealed class DeclaredDigestCheck : ICheck
{
    public string Key => CheckKeys.DeclaredDigest;

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var declaring = context.Files.Where(f => f.DeclaredDigests.Count > 0).ToList();
        var findings = (await context.JudgeFilesAsync(declaring, Judge, cancellationToken)).ToList();
        if (findings.Count == 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.NotChecked, "信息包未声明任何文件的数字摘要，无法核对"));
        }

        return findings;
    }

    private static async ValueTask<CheckFinding> Judge(CheckSubjectFile file, CancellationToken cancellationToken)
    {
        var computed = await LocalDigests.ComputeAsync(file.FullPath, file.DeclaredDigests.Keys, cancellationToken);
        var evidence = new List<string>();
        var outcome = CheckOutcome.Passed;
        foreach (var (algorithm, declared) in file.DeclaredDigests.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var name = LocalDigests.DisplayName(algorithm);
            if (!computed.TryGetValue(algorithm, out var actual))
            {
                evidence.Add($"不支持的摘要算法“{algorithm}”，未核对");
                outcome = outcome == CheckOutcome.Passed ? CheckOutcome.NotChecked : outcome;
                continue;
            }

            if (string.Equals(declared.Trim(), actual, StringComparison.OrdinalIgnoreCase))
            {
                evidence.Add($"{name} 一致（{actual}）");
            }
            else
            {
                evidence.Add($"声明 {name} {declared.Trim()}，计算得 {actual}");
                outcome = CheckOutcome.Failed;
            }
        }

        return CheckSubjects.About(file, outcome, $"文件“{file.Path}”：{string.Join("；", evidence)}");
    }
}
