using System.Globalization;

namespace Lantai.Bench.Search;

/// <summary>One indexing measurement: <see cref="Elapsed"/> is the timed work (generation excluded), <see cref="Wall"/> everything.</summary>
internal sealed record IndexingResult(string What, int Threads, long Records, TimeSpan Elapsed, TimeSpan Wall, long Tokens, long ContentBytes, TimeSpan Cpu, string Notes)
{
    public double RecordsPerSecond => Records / Elapsed.TotalSeconds;

    public double MegabytesPerSecond => ContentBytes / 1048576.0 / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerRecord => Cpu.TotalMilliseconds * 1000 / Records;

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{What,-52} {(Threads == 0 ? "" : $"{Threads} thr"),5} {Records,11:N0} rec  {Elapsed.TotalSeconds,7:F1} s  {RecordsPerSecond,9:N0} rec/s{(Tokens > 0 ? $"  {Tokens / Elapsed.TotalSeconds,11:N0} tokens/s" : "")}{(ContentBytes > 0 && Threads > 0 ? $"  {MegabytesPerSecond,6:F2} MB/s" : "")}  cpu {CpuMicrosecondsPerRecord,6:F0} µs/rec  wall {Wall.TotalSeconds:F1} s  {Notes}");

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {What} | {(Threads == 0 ? "" : $"{Threads}")} | {Records:N0} | {Elapsed.TotalSeconds:F1} s | {RecordsPerSecond:N0} | {(Tokens > 0 ? $"{Tokens / Elapsed.TotalSeconds:N0}" : "")} | {(ContentBytes > 0 && Threads > 0 ? $"{MegabytesPerSecond:F2}" : "")} | {CpuMicrosecondsPerRecord:F0} | {Notes} |");
}
