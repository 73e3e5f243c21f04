namespace Lantai.Preservation;

/// <summary>The result of a fixity audit: counts over the whole run (resumed parts included) and the failures of this run.</summary>
public sealed record FixityAuditSummary(FixityAuditState State, IReadOnlyList<FixityFailure> Failures, TimeSpan Elapsed)
{
    public bool AllIntact => State.Failed == 0;
}
