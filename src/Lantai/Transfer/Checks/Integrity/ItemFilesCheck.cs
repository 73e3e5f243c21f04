namespace Lantai.Transfer.Checks.Integrity;

/// <summary>Every catalogue row has its content: each file its 文件 column names is in the package.</summary>
public sealed class ItemFilesCheck : ICheck
{
    public string Key => CheckKeys.ItemFiles;

    public Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var present = context.Files.Select(f => f.PathKey).ToHashSet(StringComparer.Ordinal);
        var findings = new List<CheckFinding>();
        var good = 0;
        foreach (var item in context.Items)
        {
            if (item.FileRefs.Count == 0)
            {
                findings.Add(CheckSubjects.About(item, CheckOutcome.Failed, "“文件”列为空，没有内容数据"));
                continue;
            }

            var missing = item.FileRefs.Where(f => !present.Contains(f)).ToList();
            if (missing.Count > 0)
            {
                findings.Add(CheckSubjects.About(item, CheckOutcome.Failed, string.Join("；", missing.Select(m => $"文件“{m}”不在包内"))));
            }
            else
            {
                good++;
            }
        }

        if (good > 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.Passed, $"{good} 条目录的文件齐全"));
        }

        return Task.FromResult<IReadOnlyList<CheckFinding>>(findings);
    }
}
