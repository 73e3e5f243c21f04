using System.Text;
using Lantai.Catalogue.Import;
using Lantai.Data;
using Microsoft.Extensions.Time.Testing;

namespace Lantai.Tests.Catalogue.Import;

public sealed class ImportStagingTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "lantai-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Staging_SavedUpload_CanBeFoundReadTwiceAndDeleted()
    {
        var staging = new ImportStaging(new DatabaseOptions { DataDir = _dataDir });
        var content = Encoding.UTF8.GetBytes("题名\n一\n");

        var staged = await staging.SaveAsync(new MemoryStream(content), @"C:\Users\档案员\桌面\../目录 2016.csv", default);
        var found = staging.Find(staged.Id);

        Assert.NotNull(found);
        Assert.Equal("目录 2016.csv", found.FileName);
        Assert.StartsWith(Path.Combine(_dataDir, "staging", "imports"), found.Path, StringComparison.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            await using var stream = found.Source.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }

        staging.Delete(staged.Id);
        Assert.Null(staging.Find(staged.Id));
    }

    [Fact]
    public void Staging_IdThatIsNotOne_FindsNothing()
    {
        var staging = new ImportStaging(new DatabaseOptions { DataDir = _dataDir });

        Assert.Null(staging.Find("../../etc"));
        Assert.Null(staging.Find(""));
        staging.Delete("../..");
        Assert.Null(staging.Find(Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public async Task Staging_DeleteOlderThan_RemovesAbandonedUploads()
    {
        var staging = new ImportStaging(new DatabaseOptions { DataDir = _dataDir });
        var staged = await staging.SaveAsync(new MemoryStream([1, 2, 3]), "a.csv", default);
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(2));

        Assert.Equal(1, staging.DeleteOlderThan(TimeSpan.FromDays(1), time));
        Assert.Null(staging.Find(staged.Id));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
