using System.Diagnostics;

namespace Lantai.Bench;

/// <summary>Samples the process's working set and managed heap while a benchmark runs, to report the peak of that run alone.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private long _peakWorkingSet;
    private long _peakManaged;

    private MemorySampler()
    {
        _loop = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                _peakWorkingSet = Math.Max(_peakWorkingSet, process.WorkingSet64);
                _peakManaged = Math.Max(_peakManaged, GC.GetTotalMemory(false));
                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    public long PeakWorkingSet => _peakWorkingSet;

    public long PeakManaged => _peakManaged;

    /// <summary>CPU time this process used since the start (all threads; a database server's own work is not in it).</summary>
    public TimeSpan CpuTime => Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;

    public static MemorySampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new MemorySampler();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
