namespace Lantai.Transfer.Checks;

/// <summary>
/// The implementation behind one or more <see cref="CheckRule"/>s. Runs once per check run over the whole subject and
/// returns one finding per thing it judged (the package, each item, each file); a check that cannot judge says
/// <see cref="CheckOutcome.NotChecked"/> with the reason.
/// </summary>
public interface ICheck
{
    /// <summary>Stable key referenced by <see cref="CheckRule.CheckKey"/>, e.g. "digest.declared".</summary>
    string Key { get; }

    Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken);
}
