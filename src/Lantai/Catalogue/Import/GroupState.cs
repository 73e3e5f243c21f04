namespace Lantai.Catalogue.Import;

/// <summary>
/// One lowest class (GroupKeys) met in the file: what the database holds in it, the item numbers the file uses (with
/// the row that used each, to name both rows of a duplicate) and the highest number so far for automatic numbering.
/// </summary>
internal sealed class GroupState(int databaseCount, int databaseMax)
{
    public int DatabaseCount { get; } = databaseCount;

    public int DatabaseMax { get; } = databaseMax;

    public int MaxUsed { get; set; } = databaseMax;

    public Dictionary<int, int> RowOfItem { get; } = [];
}
