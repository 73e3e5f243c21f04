using Lantai.Catalogue;
using Lantai.Catalogue.Export;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Catalogue.Export;

public sealed class ReadSnapshotTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Snapshot_SeesOneStateOfTheData_WithoutBlockingWriters(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExportCatalogue.CreateAsync(database);
        await using var reader = database.CreateContext();
        await using var writer = database.CreateContext();

        int before;
        int during;
        await using (await ReadSnapshot.BeginAsync(reader, default))
        {
            before = await reader.Records.CountAsync();
            var created = await new RecordService(writer, TimeProvider.System).CreateAsync(new RecordDraft
            {
                FondsCode = "0426",
                Year = 2018,
                RetentionCode = "Y",
                OrgUnitCode = "BGS",
                Title = "导出期间新增的档案",
            }, "test", default);
            Assert.True(created.Succeeded);
            during = await reader.Records.CountAsync();
        }

        var after = await reader.Records.CountAsync();
        Assert.Equal(before, during);
        Assert.Equal(before + 1, after);
    }
}
