namespace Lantai.Preservation;

/// <summary>
/// Where a fixity audit is and what it has found so far: the cursor (the last SM3 checked, objects are walked in SM3
/// order) with the running counts. Stored on the job after every flush, so a restarted job resumes after the cursor.
/// </summary>
public sealed record FixityAuditState(string? After, long Checked, long Intact, long Mismatched, long Missing, long Bytes)
{
    public static FixityAuditState Start { get; } = new(null, 0, 0, 0, 0, 0);

    public long Failed => Mismatched + Missing;
}
