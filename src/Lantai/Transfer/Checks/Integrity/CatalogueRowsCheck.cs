namespace Lantai.Transfer.Checks.Integrity;

/// <summary>Every catalogue row reads into a valid record: the catalogue import's field errors, named by row and column.</summary>
public sealed class CatalogueRowsCheck : ICheck
{
    public string Key => CheckKeys.CatalogueRows;

    public Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<CheckFinding>();
        foreach (var item in context.Items)
        {
            if (item.RowErrors.Count > 0)
            {
                findings.Add(CheckSubjects.About(item, CheckOutcome.Failed, string.Join("；", item.RowErrors)));
            }
            else if (item.Record is null)
            {
                findings.Add(CheckSubjects.About(item, CheckOutcome.Failed, "无法读取为档案条目"));
            }
        }

        var good = context.Items.Count - findings.Count;
        if (good > 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.Passed, $"{good} 行目录的元数据类型和格式正确"));
        }

        return Task.FromResult<IReadOnlyList<CheckFinding>>(findings);
    }
}
