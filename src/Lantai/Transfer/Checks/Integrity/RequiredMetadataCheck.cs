namespace Lantai.Transfer.Checks.Integrity;

/// <summary>
/// The DA/T 46-2009 mandatory elements of an item that a catalogue row carries: 全宗号 (for 立档单位), 年度, 保管期限,
/// 件号, 题名, 责任者, 日期 — and for each computer file its name and a size above zero. 密级 left empty means
/// unclassified in Lantai and counts as present; 文件组合类型 is not a catalogue column and is not checked.
/// </summary>
public sealed class RequiredMetadataCheck : ICheck
{
    public string Key => CheckKeys.RequiredMetadata;

    public Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.Files.GroupBy(f => f.PathKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var findings = new List<CheckFinding>();
        var good = 0;
        foreach (var item in context.Items)
        {
            var missing = new List<string>();
            if (item.Record is not { } r)
            {
                findings.Add(CheckSubjects.About(item, CheckOutcome.Failed, "无法读取为档案条目，必填著录项无从检测"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(r.FondsCode))
            {
                missing.Add("全宗号");
            }

            if (r.Year <= 0)
            {
                missing.Add("年度");
            }

            if (string.IsNullOrWhiteSpace(r.RetentionCode))
            {
                missing.Add("保管期限");
            }

            if (r.ItemNumber <= 0)
            {
                missing.Add("件号");
            }

            if (string.IsNullOrWhiteSpace(r.Title))
            {
                missing.Add("题名");
            }

            if (string.IsNullOrWhiteSpace(r.Author))
            {
                missing.Add("责任者");
            }

            if (r.Date is null)
            {
                missing.Add("日期");
            }

            if (item.FileRefs.Count == 0)
            {
                missing.Add("计算机文件名");
            }

            foreach (var file in item.FileRefs.Select(f => files.GetValueOrDefault(f)).OfType<CheckSubjectFile>().Where(f => f.Length <= 0))
            {
                missing.Add($"计算机文件大小（“{file.Path}”为 0 字节）");
            }

            if (missing.Count > 0)
            {
                findings.Add(CheckSubjects.About(item, CheckOutcome.Failed, "缺少必填著录项：" + string.Join("、", missing)));
            }
            else
            {
                good++;
            }
        }

        if (good > 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.Passed, $"{good} 条目录的必填著录项齐全"));
        }

        return Task.FromResult<IReadOnlyList<CheckFinding>>(findings);
    }
}
