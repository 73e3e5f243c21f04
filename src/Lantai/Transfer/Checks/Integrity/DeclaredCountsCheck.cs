using System.Globalization;

namespace Lantai.Transfer.Checks.Integrity;

/// <summary>
/// What arrived matches what the package declared (DA/T 70 总件数/总字节数相符性): parameter {"measure": "count"}
/// compares the number of items and of files, {"measure": "bytes"} the total bytes of the files.
/// </summary>
public sealed class DeclaredCountsCheck : ICheck
{
    public string Key => CheckKeys.DeclaredCounts;

    public Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (parameters, error) = RuleParameters.Read<Parameters>(rule);
        var findings = new List<CheckFinding>();
        if (error is not null)
        {
            findings.Add(new CheckFinding(CheckOutcome.NotChecked, error));
        }
        else if (context.Declaration is not { } declared)
        {
            findings.Add(new CheckFinding(CheckOutcome.NotChecked, "信息包未声明件数、文件数或字节数（无登记表或 bag-info.txt），无法核对"));
        }
        else if (string.Equals(parameters.Measure, "bytes", StringComparison.OrdinalIgnoreCase))
        {
            var actual = context.Files.Sum(f => f.Length);
            findings.Add(declared.TotalBytes is { } bytes
                ? Compare("总字节数", bytes, actual, declared.Source)
                : new CheckFinding(CheckOutcome.NotChecked, $"{declared.Source} 未声明总字节数"));
        }
        else
        {
            if (declared.ItemCount is { } items)
            {
                findings.Add(Compare("件数", items, context.Items.Count, declared.Source));
            }

            if (declared.FileCount is { } files)
            {
                findings.Add(Compare("文件数", files, context.Files.Count, declared.Source));
            }

            if (findings.Count == 0)
            {
                findings.Add(new CheckFinding(CheckOutcome.NotChecked, $"{declared.Source} 未声明件数或文件数"));
            }
        }

        return Task.FromResult<IReadOnlyList<CheckFinding>>(findings);
    }

    private static CheckFinding Compare(string what, long declared, long actual, string source) =>
        declared == actual
            ? new CheckFinding(CheckOutcome.Passed, $"{what} {actual.ToString(CultureInfo.InvariantCulture)}，与 {source} 声明一致")
            : new CheckFinding(CheckOutcome.Failed, $"{source} 声明{what} {declared.ToString(CultureInfo.InvariantCulture)}，实际 {actual.ToString(CultureInfo.InvariantCulture)}");

    private sealed class Parameters
    {
        public string Measure { get; set; } = "count";
    }
}
