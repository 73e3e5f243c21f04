using Lantai.Catalogue;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lantai.Tests.Catalogue.CatalogueTestData;

namespace Lantai.Tests.Catalogue;

public sealed class VolumeServiceTests
{
    private static VolumeDraft Volume(string title) => new() { FondsCode = FondsCode, Year = 2016, RetentionCode = "Y", OrgUnitCode = "BGS", Title = title };

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_TakesNextVolumeNumberAndRendersVolumeCode(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        var volumes = new VolumeService(db, TimeProvider.System);

        var first = await volumes.CreateAsync(Volume("第一卷"), "test", default);
        // The volume template has no org unit: volumes of another org unit continue the same run, or codes would collide.
        var second = await volumes.CreateAsync(Volume("第二卷") with { OrgUnitCode = "ZZB" }, "test", default);

        Assert.Equal("0426-WS·2016·Y-001", first.Value.ArchivalCode);
        Assert.Equal("0426-WS·2016·Y-002", second.Value.ArchivalCode);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "volume.create"));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddItem_ExistingRecord_GetsVolumeItemCodeAndNumberFromOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        var volumes = new VolumeService(db, TimeProvider.System);
        var volume = (await volumes.CreateAsync(Volume("卷"), "test", default)).Value;
        var first = await CreateRecordAsync(db, Draft("甲"));
        var second = await CreateRecordAsync(db, Draft("乙"));

        var a = await volumes.AddItemAsync(volume.Id, second.Id, null, "test", default);
        var b = await volumes.AddItemAsync(volume.Id, first.Id, null, "test", default);

        Assert.Equal("0426-WS·2016·Y-001-001", a.Value.ArchivalCode);
        Assert.Equal("0426-WS·2016·Y-001-002", b.Value.ArchivalCode);
        Assert.Equal(2, await db.Records.CountAsync(r => r.VolumeId == volume.Id));
        Assert.True((await new AuditVerifier(db).VerifyAsync(null, default)).Intact);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddItem_RecordOfAnotherYear_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        var volumes = new VolumeService(db, TimeProvider.System);
        var volume = (await volumes.CreateAsync(Volume("卷"), "test", default)).Value;
        var other = await CreateRecordAsync(db, Draft("甲") with { Year = 2015 });

        var result = await volumes.AddItemAsync(volume.Id, other.Id, null, "test", default);

        Assert.False(result.Succeeded);
        Assert.Contains("不一致", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RemoveItem_TakesItBackIntoItsClass(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        var volumes = new VolumeService(db, TimeProvider.System);
        var volume = (await volumes.CreateAsync(Volume("卷"), "test", default)).Value;
        var record = await CreateRecordAsync(db, Draft("甲"));
        await volumes.AddItemAsync(volume.Id, record.Id, null, "test", default);

        var back = await volumes.RemoveItemAsync(record.Id, null, "test", default);

        Assert.Null(back.Value.VolumeId);
        Assert.Equal("0426-WS·2016-Y-BGS-0001", back.Value.ArchivalCode);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Page_HidesVolumesAboveClearanceAndCountsItems(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await CreateFondsAsync(db);
        var volumes = new VolumeService(db, TimeProvider.System);
        var open = (await volumes.CreateAsync(Volume("公开卷"), "test", default)).Value;
        await volumes.CreateAsync(Volume("秘密卷") with { Classification = "秘密" }, "test", default);
        await CreateRecordAsync(db, Draft("卷内") with { VolumeId = open.Id });

        var page = await new VolumeQueries(db).PageAsync(new VolumeFilter { Clearance = 0 }, null, 50, default);

        var only = Assert.Single(page.Items);
        Assert.Equal(("公开卷", 1), (only.Volume.Title, only.ItemCount));
    }
}
