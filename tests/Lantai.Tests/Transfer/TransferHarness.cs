using System.Text;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Samples;
using Lantai.Transfer;
using Lantai.Transfer.Checks;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Transfer;

/// <summary>
/// The engine as the server wires it, on a fresh database with fonds 0426 and the seeded check rules, plus a builder of
/// transfer packages (a folder with 目录.csv whose 文件 column names files copied from the content samples).
/// </summary>
internal sealed class TransferHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TransferHarness(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        _services = services;
    }

    public TestDatabase Database { get; }

    public IServiceProvider Services => _services;

    public const string Header = "档号,全宗号,年度,保管期限,机构(问题),件号,责任者,文号,题名,日期,页数,密级,备注,文件";

    /// <summary>The engine's services; <paramref name="configure"/> may replace some after the engine's registrations.</summary>
    public static async Task<TransferHarness> CreateAsync(DatabaseProvider provider, Action<IServiceCollection>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var collection = new ServiceCollection().AddLantaiEngine(database.Options);
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        var harness = new TransferHarness(database, services);
        await harness.RunAsync<LantaiDbContext, int>(async db =>
        {
            await CheckRuleSeeder.EnsureAsync(db, default);
            var created = await new FondsService(db, TimeProvider.System).CreateAsync(new FondsDraft { Code = "0426", Name = "示例旗人民政府办公室" }, "test", default);
            Assert.True(created.Succeeded);
            return 0;
        });
        return harness;
    }

    /// <summary>Runs <paramref name="work"/> with a service from a fresh scope, as one request or job would.</summary>
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Receives the package at <paramref name="path"/> and checks it in the foreground.</summary>
    public async Task<TransferPackage> ReceiveAndCheckAsync(string path, string? name = null)
    {
        var receipt = await RunAsync<TransferService, Result<TransferReceipt>>(s => s.ReceiveAsync(new TransferRequest
        {
            Path = path,
            Name = name ?? Path.GetFileName(path),
            Actor = "archivist",
            QueueCheck = false,
        }, default));
        Assert.True(receipt.Succeeded, receipt.Succeeded ? "" : receipt.Errors[0].Message);
        return await RunAsync<TransferChecker, TransferPackage>(c => c.RunAsync(receipt.Value.Transfer.Id, receipt.Value.SourcePath, "archivist", null, default));
    }

    public async Task<TransferPackage> AcceptAndIngestAsync(Guid transferId, IReadOnlyList<Guid>? itemIds = null)
    {
        var accepted = await RunAsync<TransferService, Result<TransferPackage>>(s => s.AcceptInForegroundAsync(transferId, itemIds, "archivist", default));
        Assert.True(accepted.Succeeded, accepted.Succeeded ? "" : string.Join("；", accepted.Errors.Select(e => e.Message)));
        return await RunAsync<TransferIngester, TransferPackage>(i => i.RunAsync(transferId, "archivist", null, default));
    }

    public Task<TransferDetail?> DetailAsync(Guid transferId) => RunAsync<TransferQueries, TransferDetail?>(q => q.GetAsync(transferId, default));

    /// <summary>
    /// A package folder: each row is (item number, title, files as "name=sample file"), written as 目录.csv in UTF-8
    /// with BOM; each file is copied from the samples under the name the row gives it.
    /// </summary>
    public string Package(string name, params (int Item, string Title, (string Name, string Sample)[] Files)[] rows)
    {
        var folder = Path.Combine(Database.DataDir, "incoming", name);
        Directory.CreateDirectory(folder);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var (item, title, files) in rows)
        {
            foreach (var (fileName, sample) in files)
            {
                var target = Path.Combine(folder, fileName);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(SamplePath(sample), target, overwrite: true);
            }

            csv.Append(FormattableString.Invariant($"0426-WS·2023-Y-BGS-{item:0000},0426,2023,Y,BGS,{item},示例旗人民政府办公室,示旗政办发〔2023〕{item}号,{title},20230312,1,,,"))
                .Append(string.Join(';', files.Select(f => f.Name))).Append("\r\n");
        }

        File.WriteAllText(Path.Combine(folder, "目录.csv"), csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return folder;
    }

    private static string SamplePath(string sample) =>
        sample.EndsWith(".ofd", StringComparison.Ordinal) ? ContentSamples.Ofd(sample) : ContentSamples.File(sample);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
