namespace Lantai.Transfer.Checks.Security;

/// <summary>The package opened cleanly: no refused entries, unsafe paths or damage found while staging it.</summary>
public sealed class PackageOpeningCheck : ICheck
{
    public string Key => CheckKeys.PackageOpening;

    public Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<CheckFinding> findings = context.OpeningProblems.Count == 0
            ? [new CheckFinding(CheckOutcome.Passed, "信息包正常打开，未发现不安全的路径、链接或损坏")]
            : [.. context.OpeningProblems.Select(p => new CheckFinding(CheckOutcome.Failed, p))];
        return Task.FromResult(findings);
    }
}
