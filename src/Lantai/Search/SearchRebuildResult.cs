namespace Lantai.Search;

/// <summary>What a rebuild did: the generation now live, the records indexed, the outbox entries applied after the snapshot, the cursor committed.</summary>
public sealed record SearchRebuildResult(string Generation, long Records, int CaughtUp, long Cursor, TimeSpan Took)
{
    public double RecordsPerSecond => Took.TotalSeconds > 0 ? Records / Took.TotalSeconds : 0;
}
