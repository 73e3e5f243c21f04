using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lantai.Tests.Catalogue.CatalogueTestData;

namespace Lantai.Tests.Catalogue;

public sealed class RenumberingServiceTests
{
    private static readonly ArrangementGroup Group = ArrangementGroup.ForClass(FondsCode, "WS", 2016, "Y", "BGS");

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Apply_GroupWithGaps_NumbersRunFromOneWithOneAuditEntry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        await CreateRecordAsync(db, Draft("甲", 2));
        await CreateRecordAsync(db, Draft("乙", 5));
        await CreateRecordAsync(db, Draft("丙", 9));
        var service = new RenumberingService(db, TimeProvider.System);
        var outboxBefore = await db.OutboxMessages.CountAsync();

        var preview = (await service.PreviewAsync(Group, RenumberOrder.ItemNumber, 0, default)).Value;
        var applied = await service.ApplyAsync(Group, RenumberOrder.ItemNumber, preview.Token, "archivist", default);

        Assert.True(applied.Succeeded);
        Assert.Equal(["0426-WS·2016-Y-BGS-0002 → 0426-WS·2016-Y-BGS-0001", "0426-WS·2016-Y-BGS-0005 → 0426-WS·2016-Y-BGS-0002", "0426-WS·2016-Y-BGS-0009 → 0426-WS·2016-Y-BGS-0003"],
            preview.Items.Select(i => $"{i.OldArchivalCode} → {i.NewArchivalCode}"));
        await using var check = database.CreateContext();
        var stored = await check.Records.OrderBy(r => r.ItemNumber).Select(r => new { r.Title, r.ItemNumber, r.ArchivalCode, r.Version }).ToListAsync();
        Assert.Equal(["甲:1", "乙:2", "丙:3"], stored.Select(r => $"{r.Title}:{r.ItemNumber}"));
        Assert.Equal("0426-WS·2016-Y-BGS-0003", stored[2].ArchivalCode);
        Assert.All(stored, r => Assert.Equal(1, r.Version));
        var audit = await check.AuditEntries.Where(e => e.Action == RenumberingService.AuditAction).ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal("archivist", entry.Actor);
        Assert.Contains("0426-WS·2016-Y-BGS-0009", entry.After, StringComparison.Ordinal);
        Assert.Equal(outboxBefore + 3, await check.OutboxMessages.CountAsync());
        Assert.True((await new AuditVerifier(check).VerifyAsync(null, default)).Intact);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Apply_ByDate_PermutesNumbersWithoutViolatingUniqueIndexes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        // Item 1 is the latest: by date, every number moves onto a number another record holds right now.
        await CreateRecordAsync(db, Draft("三月", 1, new DateOnly(2016, 3, 1)));
        await CreateRecordAsync(db, Draft("一月", 2, new DateOnly(2016, 1, 1)));
        await CreateRecordAsync(db, Draft("二月", 3, new DateOnly(2016, 2, 1)));
        await CreateRecordAsync(db, Draft("无日期", 4));

        var applied = await new RenumberingService(db, TimeProvider.System).ApplyAsync(Group, RenumberOrder.Date, null, "archivist", default);

        Assert.True(applied.Succeeded, applied.Succeeded ? "" : applied.Errors[0].Message);
        await using var check = database.CreateContext();
        var stored = await check.Records.OrderBy(r => r.ItemNumber).Select(r => r.Title + ":" + r.ArchivalCode).ToListAsync();
        Assert.Equal(["一月:0426-WS·2016-Y-BGS-0001", "二月:0426-WS·2016-Y-BGS-0002", "三月:0426-WS·2016-Y-BGS-0003", "无日期:0426-WS·2016-Y-BGS-0004"], stored);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Apply_GroupChangedAfterPreview_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        await CreateRecordAsync(db, Draft("甲", 3));
        var service = new RenumberingService(db, TimeProvider.System);
        var preview = (await service.PreviewAsync(Group, RenumberOrder.ItemNumber, 0, default)).Value;
        await CreateRecordAsync(db, Draft("乙"));

        var applied = await service.ApplyAsync(Group, RenumberOrder.ItemNumber, preview.Token, "archivist", default);

        Assert.False(applied.Succeeded);
        Assert.Equal("conflict", applied.Errors[0].Code);
        Assert.Equal([3, 4], await db.Records.OrderBy(r => r.ItemNumber).Select(r => r.ItemNumber).ToListAsync());
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Apply_LegacyCode_IsFlaggedInPreviewAndReRendered(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        await CreateRecordAsync(db, Draft("旧档号", 1) with { ArchivalCode = "0426-WS·2016-Y-BGS-01" });
        await CreateRecordAsync(db, Draft("新著录", 2));
        var service = new RenumberingService(db, TimeProvider.System);

        var preview = (await service.PreviewAsync(Group, RenumberOrder.ItemNumber, 0, default)).Value;
        await service.ApplyAsync(Group, RenumberOrder.ItemNumber, preview.Token, "archivist", default);

        var legacy = Assert.Single(preview.Items, i => i.LegacyCode);
        Assert.Equal("0426-WS·2016-Y-BGS-0001", legacy.NewArchivalCode);
        Assert.Equal(1, preview.ChangedCount);
        Assert.True(await db.Records.AnyAsync(r => r.ArchivalCode == "0426-WS·2016-Y-BGS-0001"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Preview_ClassifiedItem_ShowsItsCodeButNotItsTitle(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        await CreateRecordAsync(db, Draft("公开题名", 1));
        await CreateRecordAsync(db, Draft("秘密题名", 3, classification: "秘密"));

        var preview = (await new RenumberingService(db, TimeProvider.System).PreviewAsync(Group, RenumberOrder.ItemNumber, 0, default)).Value;

        Assert.Equal(["公开题名", null], preview.Items.Select(i => i.Title));
        Assert.Equal("0426-WS·2016-Y-BGS-0002", preview.Items[1].NewArchivalCode);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Check_ListsGapsAndPossibleDuplicates(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        await CreateRecordAsync(db, Draft("关于档案工作的通知", 2, new DateOnly(2016, 5, 1)));
        await CreateRecordAsync(db, Draft("关于档案工作的通知", 3, new DateOnly(2016, 5, 1)));
        await CreateRecordAsync(db, Draft("另一件", 7));
        var service = new RenumberingService(db, TimeProvider.System);

        var check = (await service.CheckAsync(Group, 0, default)).Value;
        var summary = await service.SummarizeAsync(FondsCode, null, default);

        Assert.Equal(["1", "4–6"], check.Gaps.Select(g => g.ToString()));
        Assert.Equal([2, 3], Assert.Single(check.PossibleDuplicates).Select(d => d.OldItemNumber));
        var group = Assert.Single(summary);
        Assert.True(group.HasGaps);
        Assert.Equal((3, 7), (group.Count, group.MaxItemNumber));
        Assert.Equal(Group, group.Group);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Apply_VolumeItems_RunFromOneInsideTheVolume(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        var volume = (await new VolumeService(db, TimeProvider.System).CreateAsync(new VolumeDraft { FondsCode = FondsCode, Year = 2016, RetentionCode = "Y", OrgUnitCode = "BGS", Title = "卷" }, "test", default)).Value;
        await CreateRecordAsync(db, Draft("卷内一", 2) with { VolumeId = volume.Id });
        await CreateRecordAsync(db, Draft("卷内二", 4) with { VolumeId = volume.Id });

        var applied = await new RenumberingService(db, TimeProvider.System).ApplyAsync(ArrangementGroup.ForVolume(volume.Id), RenumberOrder.ItemNumber, null, "archivist", default);

        Assert.True(applied.Succeeded, applied.Succeeded ? "" : applied.Errors[0].Message);
        Assert.Equal(["0426-WS·2016·Y-001-001", "0426-WS·2016·Y-001-002"], await db.Records.OrderBy(r => r.ItemNumber).Select(r => r.ArchivalCode).ToListAsync());
    }
}
