using System.Diagnostics;
using Lantai.Data;
using Lantai.Preservation;
using Lantai.Search;
using Lantai.Search.Content;
using Lantai.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lantai.Tests.Search.Indexing;

public sealed class RebuildRateMeasurement(ITestOutputHelper output)
{
    [Fact(Skip = "measurement, run by hand: remove Skip, LANTAI_MEASURE_RECORDS=100000")]
    public async Task Measure()
    {
        var count = int.Parse(Environment.GetEnvironmentVariable("LANTAI_MEASURE_RECORDS") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var fonds = await IndexingData.FondsAsync(db);
        const string chars = "关于做好档案移交工作的通知示例旗人民政府办公室主题教育文件材料收集归档批复会议纪要民生查询年度报告总结计划方案意见决定规定办法条例请示函复印件照片录音录像科技会计人事专业基建设备财务审计统计";
        var random = new Random(42);
        string Word() { var r = Math.Min(chars.Length - 2, (int)(Math.Pow(random.NextDouble(), 3) * chars.Length)); return chars.Substring(r, 2); }
        string Title(int i) => string.Concat(Enumerable.Range(0, 45).Select(_ => Word())) + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sw = Stopwatch.StartNew();
        for (var done = 0; done < count; done += 50_000)
        {
            await IndexingData.ImportAsync(db, await NewFonds(db, done), Math.Min(50_000, count - done), Title);
        }

        output.WriteLine($"generated {count} in {sw.Elapsed}");
        using var index = new SearchIndex(database.Options);
        var indexer = new SearchIndexer(db, index);
        var rebuilder = new SearchIndexRebuilder(db, index, indexer, new RecordContent(new ContentTextCache(database.Options, new ObjectStore(database.Options)), []), database.Options, TimeProvider.System);
        using var self = Process.GetCurrentProcess();
        var stream = LantaiDatabase.CreateContext(database.Options);
        var cpu0 = self.TotalProcessorTime;
        sw.Restart();
        var n = 0;
        await foreach (var r in Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsAsyncEnumerable(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(stream.Records).OrderBy(r => r.Id)))
        {
            n++;
        }

        self.Refresh();
        output.WriteLine($"stream {n} in {sw.Elapsed.TotalSeconds:F1} s, cpu {(self.TotalProcessorTime - cpu0).TotalSeconds:F1} s");
        cpu0 = self.TotalProcessorTime;
        var result = await rebuilder.RebuildAsync(null, default);
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
        output.WriteLine($"rebuild cpu {cpu:F1} s = {result.Records / cpu:F0} records per cpu-second");
        output.WriteLine($"rebuild {result.Records} in {result.Took.TotalSeconds:F1} s = {result.RecordsPerSecond:F0} records/s");
        output.WriteLine($"size {Directory.EnumerateFiles(index.GenerationPath).Sum(f => new FileInfo(f).Length) / 1e6:F0} MB");
        _ = fonds;

        static async Task<Lantai.Catalogue.Fonds> NewFonds(LantaiDbContext db, int n) =>
            await IndexingData.FondsAsync(db, "F" + (100 + (n / 50_000)).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
