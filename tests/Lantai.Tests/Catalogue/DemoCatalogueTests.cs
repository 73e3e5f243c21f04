using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Catalogue;

public sealed class DemoCatalogueTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Demo_LoadedIntoTwoEmptyArchives_GivesTheSameArchivalCodes(DatabaseProvider provider)
    {
        var first = await LoadAsync(provider);
        var second = await LoadAsync(provider);

        Assert.Equal(first, second);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Demo_LooksLikeACountyArchive(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        Assert.True(await DemoCatalogue.IsEmptyAsync(db, default));

        var result = await DemoCatalogue.LoadAsync(db, TimeProvider.System, "test", null, default);

        Assert.True(result.Succeeded);
        Assert.False(await DemoCatalogue.IsEmptyAsync(db, default));
        var records = await db.Records.AsNoTracking().ToListAsync();
        var profile = await db.ArchiveProfiles.SingleAsync();
        Assert.Equal((DemoCatalogue.ArchiveName, DemoCatalogue.ArchiveCode, ArchiveLevel.Banner), (profile.Name, profile.Code, profile.Level));
        Assert.True(await db.Fonds.CountAsync() >= 5);
        Assert.Contains(await db.Fonds.ToListAsync(), f => f.Code == "0426" && f.Name == "示例旗人民政府办公室");
        Assert.Contains(await db.Fonds.ToListAsync(), f => f.CodeTemplateKey == ArchivalCodeTemplate.Dat13ItemKey);
        Assert.True(await db.OrgUnits.CountAsync() >= 10);
        Assert.InRange(records.Count, 3000, 8000);
        Assert.Equal(result.Value.Records, records.Count);
        Assert.True(records.Select(r => r.Year).Distinct().Count() >= 40);
        Assert.True(records.Min(r => r.Year) <= 1985);
        Assert.Equal(2024, records.Max(r => r.Year));
        Assert.True(records.Count(r => r.CategoryCode == "WS") > records.Count * 0.8);
        Assert.Superset(new HashSet<string> { "WS", "KJ", "KU", "ZP" }, records.Select(r => r.CategoryCode).ToHashSet());
        Assert.Equal(new HashSet<string> { "Y", "D30", "D10" }, records.Select(r => r.RetentionCode).ToHashSet());
        Assert.Superset(new HashSet<string> { "", "内部", "秘密" }, records.Select(r => r.Classification).ToHashSet());
        Assert.Equal(4, records.Select(r => r.OpenStatus).Distinct().Count());
        Assert.Contains(records, r => r.TitleSupplied);
        Assert.Contains(records, r => r.Title.Any(c => c is >= '\u1800' and <= '\u18AF'));
        Assert.Contains(records, r => r.Title.Contains('檔', StringComparison.Ordinal));
        Assert.Contains(records, r => r.ArchivalCode == "0426-WS·2016-Y-BGS-0001");
        var volumes = await db.Volumes.AsNoTracking().ToListAsync();
        Assert.NotEmpty(volumes);
        Assert.All(volumes, v => Assert.Contains(records, r => r.VolumeId == v.Id));
        Assert.Contains(records, r => r.ArchivalCode == "0426-KU·2016·D30-001-001");

        // Audited and announced: the chain is intact, one demo.load entry, one records.imported message.
        Assert.True((await new AuditVerifier(db).VerifyAsync(null, default)).Intact);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "demo.load"));
        Assert.Equal(await db.Fonds.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action == "fonds.create"));
        var message = await db.OutboxMessages.SingleAsync();
        Assert.Equal((OutboxKinds.RecordsImported, result.Value.ImportId.ToString()), (message.Kind, message.EntityId));
        Assert.All(records, r => Assert.Equal(result.Value.ImportId, r.ImportId));
    }

    [Fact]
    public async Task Demo_IntoAnArchiveWithData_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await new FondsService(db, TimeProvider.System).CreateAsync(new FondsDraft { Code = "X001", Name = "已有全宗" }, "test", default);

        var result = await DemoCatalogue.LoadAsync(db, TimeProvider.System, "test", null, default);

        Assert.False(result.Succeeded);
        Assert.Contains("空的档案馆", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Records.CountAsync());
    }

    [Fact]
    public void Demo_EveryRecordPassesTheRecordRules_AndItemsRunWithoutGaps()
    {
        var rules = CatalogueRules.Default;
        var demo = new DemoArchiveBuilder(DemoTitles.Load(), rules, TimeProvider.System.GetUtcNow()).Build();

        var fonds = demo.Fonds.ToDictionary(f => f.Id);
        foreach (var record in demo.Records)
        {
            var draft = new RecordDraft
            {
                FondsCode = record.FondsCode,
                CategoryCode = record.CategoryCode,
                Year = record.Year,
                RetentionCode = record.RetentionCode,
                OrgUnitCode = record.OrgUnitCode,
                ItemNumber = record.ItemNumber,
                ArchivalCode = record.ArchivalCode,
                Title = record.Title,
                Author = record.Author,
                DocumentNumber = record.DocumentNumber,
                Date = record.Date,
                PageCount = record.PageCount,
                Classification = record.Classification,
                Carrier = record.Carrier,
                Remarks = record.Remarks,
            };
            var template = record.VolumeId is null ? fonds[record.FondsId].CodeTemplateKey : ArchivalCodeTemplate.Dat13VolumeItemKey;
            var errors = record.VolumeId is null ? RecordValidator.Validate(draft, rules, template, 2024) : RecordValidator.Validate(draft with { ArchivalCode = null }, rules, template, 2024);
            Assert.True(errors.Count == 0, $"{record.ArchivalCode}: {string.Join("; ", errors.Select(e => e.Message))}");
            Assert.Equal(record.Title, RecordValidator.Normalize(draft).Title);
        }

        Assert.Equal(demo.Records.Count, demo.Records.Select(r => r.ArchivalCode).Distinct(StringComparer.Ordinal).Count());
        foreach (var group in demo.Records.GroupBy(r => r.GroupKey, StringComparer.Ordinal))
        {
            Assert.Equal(Enumerable.Range(1, group.Count()), group.Select(r => r.ItemNumber).Order());
        }
    }

    private static async Task<List<string>> LoadAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var result = await DemoCatalogue.LoadAsync(db, TimeProvider.System, "test", null, default);
        Assert.True(result.Succeeded);
        var rows = await db.Records.AsNoTracking().Select(r => new { r.ArchivalCode, r.Title, r.Date }).ToListAsync();
        return [.. rows.Select(r => $"{r.ArchivalCode} {r.Title} {r.Date}").Order(StringComparer.Ordinal)];
    }
}
