using System.Text;
using Lantai.Tests.Infrastructure;
using Lantai.Transfer.Checks;
using Lantai.Transfer.Checks.Usability;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Transfer.Checks;

public sealed class CheckRegistrationTests
{
    [Fact]
    public async Task Engine_ResolvesFromTheEngineServices_WithACheckForEverySeededKey()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var services = new ServiceCollection().AddLogging().AddLantaiEngine(database.Options).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();

        var engine = scope.ServiceProvider.GetRequiredService<CheckEngine>();
        var keys = scope.ServiceProvider.GetServices<ICheck>().Select(c => c.Key).ToList();

        Assert.NotNull(engine);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(CheckRules.Defaults.Select(r => r.CheckKey).Distinct(), key => Assert.Contains(key, keys));
    }

    [Fact]
    public async Task ContentReadable_Wav_ReadWithMediaInfo_OrNotCheckedWithoutIt()
    {
        await using var bench = await CheckBench.CreateAsync();
        bench.Bytes("录音.wav", Wav(seconds: 1));

        var finding = Assert.Single(await bench.RunAsync(new ContentReadableCheck(bench.Inspections)));

        if (bench.Inspections.Media.Available)
        {
            Assert.Equal(CheckOutcome.Passed, finding.Outcome);
            Assert.Contains("音频轨 1 条", finding.Evidence, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(CheckOutcome.NotChecked, finding.Outcome);
            Assert.Contains("mediainfo", finding.Evidence, StringComparison.Ordinal);
        }
    }

    /// <summary>A mono 8 kHz 16-bit PCM WAV of silence.</summary>
    private static byte[] Wav(int seconds)
    {
        const int rate = 8000;
        var data = rate * 2 * seconds;
        using var memory = new MemoryStream();
        using (var w = new BinaryWriter(memory, Encoding.ASCII, leaveOpen: true))
        {
            w.Write("RIFF"u8);
            w.Write(36 + data);
            w.Write("WAVE"u8);
            w.Write("fmt "u8);
            w.Write(16);
            w.Write((short)1);
            w.Write((short)1);
            w.Write(rate);
            w.Write(rate * 2);
            w.Write((short)2);
            w.Write((short)16);
            w.Write("data"u8);
            w.Write(data);
            w.Write(new byte[data]);
        }

        return memory.ToArray();
    }
}
