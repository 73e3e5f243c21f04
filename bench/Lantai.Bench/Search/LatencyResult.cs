using System.Globalization;

namespace Lantai.Bench.Search;

/// <summary>Latencies of one replay, in milliseconds.</summary>
internal sealed record LatencyResult(string Engine, string What, int Workers, int Queries, double P50, double P95, double P99, double Max, double Mean,
    double QueriesPerSecond, double MeanHits, int TimedOut, TimeSpan Cpu)
{
    /// <summary>The load average (1 minute) at the end of the replay: the machine is shared.</summary>
    public string Load { get; init; } = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Engine,-10} {What,-34} {Workers} thr  {Queries,5} q  p50 {P50,8:F2} ms  p95 {P95,8:F2} ms  p99 {P99,8:F2} ms  max {Max,8:F1} ms  {QueriesPerSecond,8:F1} q/s  hits/q {MeanHits,8:F1}  timed out {TimedOut}  cpu {Cpu.TotalSeconds:F1} s ({CpuPerQuery:F1} ms/q)  load {Load}");

    /// <summary>CPU time of the whole process per query (every thread, the collector's too), in milliseconds.</summary>
    public double CpuPerQuery => Cpu.TotalMilliseconds / Queries;

    public string Row(LatencyResult? reference) => string.Create(CultureInfo.InvariantCulture,
        $"| {Engine} | {What} | {Workers} | {P50:F2} | {P95:F2} | {P99:F2} | {Max:F0} | {QueriesPerSecond:F1} | {MeanHits:F1} | {TimedOut} | {CpuPerQuery:F1} | {Ratio(reference)} |");

    /// <summary>This latency divided by the reference's (Lucene's): above 1, Lucene is that many times faster.</summary>
    private string Ratio(LatencyResult? reference) => reference is null || ReferenceEquals(reference, this)
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{P50 / reference.P50:F1} / {P95 / reference.P95:F1} / {P99 / reference.P99:F1}");
}
