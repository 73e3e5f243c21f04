using Lantai.Catalogue;

namespace Lantai.Bench.ListPage;

/// <summary>Every 500th generated row: the starting points of "deep" pages, picked at random.</summary>
internal sealed class SampleRows(List<GeneratedRecord> rows)
{
    public GeneratedRecord Pick(Random random, Func<GeneratedRecord, bool>? where = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var pool = where is null ? rows : rows.Where(where).ToList();
        if (pool.Count == 0)
        {
            pool = rows;
        }

        return pool[random.Next(pool.Count)];
    }

    public static string Cursor(RecordSort sort, GeneratedRecord r) => RecordQueries.CursorFor(sort, new Record
    {
        FondsCode = r.FondsCode,
        CategoryCode = r.CategoryCode,
        RetentionCode = r.RetentionCode,
        GroupKey = r.GroupKey,
        ArchivalCode = r.ArchivalCode,
        Title = r.Title,
        Year = r.Year,
        Date = r.Date,
    });
}
