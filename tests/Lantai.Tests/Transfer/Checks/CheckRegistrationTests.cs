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

    [Fact]
    public async Task ContentReadable_ManyRecordings_EachJudgedOnItsOwn_WhenReadTogether()
    {
        await using var bench = await CheckBench.CreateAsync();
        for (var i = 1; i <= 70; i++)
        {
            bench.Bytes($"录音/第 {i:00} 段.wav", Wav(seconds: 1 + (i % 3)));
        }

        bench.Bytes("录音/坏的.wav", [.. "RIFF"u8, .. new byte[40]]); // a RIFF header and nothing a reader can use

        var findings = await bench.RunAsync(new ContentReadableCheck(bench.Inspections));

        Assert.Equal(71, findings.Count);
        Assert.Equal(bench.Context().Files.Select(f => f.Path), findings.Select(f => f.FilePath)); // the package's order, though judged in parallel
        if (bench.Inspections.Media.Available)
        {
            Assert.Equal(70, findings.Count(f => f.Outcome == CheckOutcome.Passed));
            Assert.Contains(findings, f => f.Evidence.Contains("第 69 段.wav", StringComparison.Ordinal) && f.Evidence.Contains("时长 1 秒", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.Evidence.Contains("第 70 段.wav", StringComparison.Ordinal) && f.Evidence.Contains("时长 2 秒", StringComparison.Ordinal));
            Assert.DoesNotContain(findings, f => f.Evidence.Contains("坏的.wav", StringComparison.Ordinal) && f.Outcome == CheckOutcome.Passed);
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
