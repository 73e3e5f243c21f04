using Lantai.Catalogue;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Catalogue;

public sealed class RecordServiceTests
{
    private static RecordDraft Draft(string title, int? item = null) => new()
    {
        FondsCode = "0426",
        Year = 2016,
        RetentionCode = "Y",
        OrgUnitCode = "BGS",
        ItemNumber = item,
        Title = title,
        Author = "示例旗档案局",
        Date = new DateOnly(2016, 3, 12),
        PageCount = 3,
    };

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_WithoutItemNumber_AssignsNextNumberAndRendersCode(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var fonds = new FondsService(db, TimeProvider.System);
        Assert.True((await fonds.CreateAsync(new FondsDraft { Code = "0426", Name = "示例旗档案局" }, "test", default)).Succeeded);
        var records = new RecordService(db, TimeProvider.System);

        var first = await records.CreateAsync(Draft("关于红色档案征集工作的批复"), "test", default);
        var second = await records.CreateAsync(Draft("关于乌兰牧骑档案整理工作情况的报告"), "test", default);

        Assert.Equal("0426-WS·2016-Y-BGS-0001", first.Value.ArchivalCode);
        Assert.Equal("0426-WS·2016-Y-BGS-0002", second.Value.ArchivalCode);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_DuplicateItemNumber_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await new FondsService(db, TimeProvider.System).CreateAsync(new FondsDraft { Code = "0426", Name = "示例旗档案局" }, "test", default);
        var records = new RecordService(db, TimeProvider.System);
        await records.CreateAsync(Draft("甲", 7), "test", default);

        var again = await records.CreateAsync(Draft("乙", 7), "test", default);

        Assert.False(again.Succeeded);
        Assert.Contains("已存在", again.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.Records.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AuditVerify_AfterEditingAnEntry_ReportsThatEntry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await new FondsService(db, TimeProvider.System).CreateAsync(new FondsDraft { Code = "0426", Name = "示例旗档案局" }, "test", default);
            var records = new RecordService(db, TimeProvider.System);
            await records.CreateAsync(Draft("甲"), "test", default);
            await records.CreateAsync(Draft("乙"), "test", default);
            Assert.True((await new AuditVerifier(db).VerifyAsync(null, default)).Intact);
        }

        await using (var db = database.CreateContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == 2);
            entry.Summary = "改过的摘要";
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var result = await new AuditVerifier(db).VerifyAsync(null, default);
            Assert.False(result.Intact);
            Assert.Equal(2, result.FirstBrokenSequence);
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_ManyWritersAtOnce_KeepTheAuditChainIntact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await new FondsService(db, TimeProvider.System).CreateAsync(new FondsDraft { Code = "0426", Name = "示例旗档案局" }, "test", default);
        }

        await Task.WhenAll(Enumerable.Range(1, 12).Select(async i =>
        {
            await using var db = database.CreateContext();
            var result = await new RecordService(db, TimeProvider.System).CreateAsync(Draft($"并发写入{i}", i), $"writer{i}", default);
            Assert.True(result.Succeeded);
        }));

        await using var check = database.CreateContext();
        var verification = await new AuditVerifier(check).VerifyAsync(null, default);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(13, verification.EntriesChecked);
    }
}
