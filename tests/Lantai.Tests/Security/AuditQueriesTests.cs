using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Lantai.Tests.Security;

public sealed class AuditQueriesTests
{
    private static async Task SeedAsync(TestDatabase database, FakeTimeProvider time)
    {
        await using var db = database.CreateContext();
        for (var day = 1; day <= 5; day++)
        {
            time.SetUtcNow(new DateTimeOffset(2026, 3, day, 2, 0, 0, TimeSpan.Zero));
            await using var tx = await AuditedTransaction.BeginAsync(db, time, day % 2 == 0 ? "admin" : "secofficer", default);
            tx.Record(day % 2 == 0 ? "user.create" : "user.role.grant", "User", "u" + day, $"第{day}天的变更", null, new { day });
            await tx.CommitAsync(default);
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Page_NewestFirst_ContinuesFromCursorWithoutOverlap(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, new FakeTimeProvider());
        await using var db = database.CreateContext();
        var queries = new AuditQueries(db);

        var first = await queries.PageAsync(new AuditFilter(), null, 2, default);
        var second = await queries.PageAsync(new AuditFilter(), first.NextCursor, 2, default);
        var third = await queries.PageAsync(new AuditFilter(), second.NextCursor, 2, default);

        Assert.Equal([5L, 4L], first.Entries.Select(e => e.Sequence));
        Assert.Equal([3L, 2L], second.Entries.Select(e => e.Sequence));
        Assert.Equal([1L], third.Entries.Select(e => e.Sequence));
        Assert.Null(third.NextCursor);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Filters_ActorActionEntityDatesAndText_Combine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, new FakeTimeProvider());
        await using var db = database.CreateContext();
        var queries = new AuditQueries(db);

        async Task<long[]> Find(AuditFilter f) => [.. (await queries.PageAsync(f, null, 100, default)).Entries.Select(e => e.Sequence)];

        Assert.Equal(new long[] { 4, 2 }, await Find(new AuditFilter { Actor = "admin" }));
        Assert.Equal(new long[] { 5, 3, 1 }, await Find(new AuditFilter { Action = "user.role" }));
        Assert.Equal(new long[] { 5, 4, 3, 2, 1 }, await Find(new AuditFilter { Action = "user." }));
        Assert.Equal(new long[] { 3 }, await Find(new AuditFilter { EntityType = "User", EntityId = "u3" }));
        Assert.Equal(new long[] { 4, 3 }, await Find(new AuditFilter
        {
            From = new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero),
        }));
        // Beijing time: 3 March 08:00 +08:00 is 00:00 UTC.
        Assert.Equal(new long[] { 5, 4, 3 }, await Find(new AuditFilter { From = new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.FromHours(8)) }));
        Assert.Equal(new long[] { 2 }, await Find(new AuditFilter { Text = "第2天" }));
        Assert.Empty(await Find(new AuditFilter { Actor = "admin", Text = "第3天" }));
    }

    [Fact]
    public void Diff_ShowsOnlyChangedFieldsWithOldAndNew()
    {
        var changes = AuditDiff.Compute(
            """{"userName":"sun","roles":["Archivist"],"clearance":1,"meta":{"a":1,"b":2}}""",
            """{"userName":"sun","roles":["Archivist","Reviewer"],"clearance":2,"meta":{"a":1,"b":3},"disabled":true}""");

        Assert.Equal(
            [
                new AuditChange("roles", "Archivist", "Archivist, Reviewer"),
                new AuditChange("clearance", "1", "2"),
                new AuditChange("meta.b", "2", "3"),
                new AuditChange("disabled", null, "true"),
            ],
            changes);
    }

    [Fact]
    public void Diff_CreatedEntity_ListsEveryFieldAsNew()
    {
        var changes = AuditDiff.Compute(null, """{"code":"0426","name":"示例旗档案局"}""");

        Assert.Equal([new AuditChange("code", null, "0426"), new AuditChange("name", null, "示例旗档案局")], changes);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("档号,题名", "\"档号,题名\"")]
    [InlineData("普通文字", "普通文字")]
    public void CsvCell_FormulaOrSeparator_IsMadeSafe(string value, string expected)
    {
        Assert.Equal(expected, AuditCsv.Cell(value));
    }

    [Fact]
    public void OneTimePassword_MeetsThePasswordRules()
    {
        for (var i = 0; i < 200; i++)
        {
            var p = OneTimePassword.Generate();
            Assert.Equal(19, p.Length);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
            Assert.DoesNotContain(p, c => "0O1lI".Contains(c, StringComparison.Ordinal));
        }
    }
}
