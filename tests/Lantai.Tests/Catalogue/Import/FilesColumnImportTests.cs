using Lantai.Catalogue.Import;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Catalogue.Import;

/// <summary>The 文件 column belongs to transfer catalogues; a catalogue import keeps treating it as it always did.</summary>
public sealed class FilesColumnImportTests
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_FilesColumn_GoesToRemarksAsAnUnknownColumn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await SampleImportTests.CommitAsync(database, ImportSamples.Csv("全宗号,年度,保管期限,题名,文件\n0426,2023,Y,带文件列的一件,文书/a.pdf\n"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Contains(result.Value.Warnings, w => w.Column == "文件" && w.Message.Contains("未识别的列", StringComparison.Ordinal));
        await using var db = database.CreateContext();
        Assert.Equal("文件：文书/a.pdf", (await db.Records.SingleAsync()).Remarks);
    }
}
