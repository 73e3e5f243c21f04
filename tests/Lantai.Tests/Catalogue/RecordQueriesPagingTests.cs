using Lantai.Catalogue;
using Lantai.Tests.Infrastructure;
using Lantai.Web.Api.Catalogue;
using static Lantai.Tests.Catalogue.CatalogueTestData;
using Record = Lantai.Catalogue.Record;

namespace Lantai.Tests.Catalogue;

public sealed class RecordQueriesPagingTests
{
    public static TheoryData<DatabaseProvider, RecordSort, bool> Cases()
    {
        var data = new TheoryData<DatabaseProvider, RecordSort, bool>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var sort in Enum.GetValues<RecordSort>())
            {
                data.Add(provider, sort, false);
                data.Add(provider, sort, true);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Paging_ForwardAndBack_VisitsEveryVisibleRowOnceInOrder(DatabaseProvider provider, RecordSort sort, bool descending)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        for (var i = 0; i < 19; i++)
        {
            // Repeated dates and years, a third undated, one classified: ties and NULLs at page edges.
            DateOnly? date = i % 3 == 0 ? null : new DateOnly(2014 + (i % 2), 1 + (i % 4), 1);
            await CreateRecordAsync(db, Draft($"文件{i}", date: date, classification: i == 7 ? "秘密" : "") with { Year = 2014 + (i % 3) });
        }

        var queries = new RecordQueries(db);
        var filter = new RecordFilter { Clearance = 0 };
        var forward = new List<List<Record>>();
        string? cursor = null;
        do
        {
            var page = await RecordListing.PageAsync(queries, new RecordListRequest(filter, sort, descending, cursor, null, 4), default);
            forward.Add([.. page.Items]);
            cursor = page.NextCursor;
        }
        while (cursor is not null && forward.Count < 10);

        var backward = new List<List<Record>> { forward[^1] };
        var before = RecordQueries.CursorFor(sort, forward[^1][0]);
        while (backward.Count < 10)
        {
            var page = await RecordListing.PageAsync(queries, new RecordListRequest(filter, sort, descending, null, before, 4), default);
            backward.Add([.. page.Items]);
            if (page.PreviousCursor is null)
            {
                break;
            }

            before = page.PreviousCursor;
        }

        var seen = forward.SelectMany(p => p).Select(r => r.ArchivalCode).ToList();
        var expected = Expected(db.Records.Where(r => r.Classification == "").ToList(), sort, descending);
        Assert.Equal(expected, seen);
        backward.Reverse();
        Assert.Equal(forward.Select(p => p.Select(r => r.ArchivalCode)), backward.Select(p => p.Select(r => r.ArchivalCode)));
    }

    /// <summary>The documented orders: ties broken by code; undated first ascending, last descending.</summary>
    private static List<string> Expected(List<Record> rows, RecordSort sort, bool descending)
    {
        var ordered = sort switch
        {
            RecordSort.Year => rows.OrderBy(r => r.Year).ThenBy(r => r.ArchivalCode, StringComparer.Ordinal),
            RecordSort.Date => rows.OrderBy(r => r.Date is not null).ThenBy(r => r.Date).ThenBy(r => r.ArchivalCode, StringComparer.Ordinal),
            _ => rows.OrderBy(r => r.ArchivalCode, StringComparer.Ordinal),
        };
        var codes = ordered.Select(r => r.ArchivalCode).ToList();
        if (descending)
        {
            codes.Reverse();
        }

        return codes;
    }
}
