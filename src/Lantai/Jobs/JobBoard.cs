using System.Collections.Concurrent;

namespace Lantai.Jobs;

/// <summary>
/// Live progress and cancellation of the jobs running in this process. Progress stays in memory while a job runs
/// because on SQLite a running import holds the write lock: writing progress rows would wait for the import itself.
/// The database gets the state transitions; readers combine both.
/// </summary>
public sealed class JobBoard
{
    private readonly ConcurrentDictionary<Guid, Entry> _running = new();

    public CancellationToken Register(Guid jobId, CancellationToken stopping)
    {
        var entry = new Entry(CancellationTokenSource.CreateLinkedTokenSource(stopping));
        _running[jobId] = entry;
        return entry.Cancellation.Token;
    }

    public void Report(Guid jobId, JobProgress progress)
    {
        if (_running.TryGetValue(jobId, out var entry))
        {
            entry.Progress = progress;
        }
    }

    public JobProgress? Progress(Guid jobId) => _running.TryGetValue(jobId, out var entry) ? entry.Progress : null;

    public bool Cancel(Guid jobId)
    {
        if (_running.TryGetValue(jobId, out var entry))
        {
            entry.Cancellation.Cancel();
            return true;
        }

        return false;
    }

    public void Remove(Guid jobId)
    {
        if (_running.TryRemove(jobId, out var entry))
        {
            entry.Cancellation.Dispose();
        }
    }

    private sealed class Entry(CancellationTokenSource cancellation)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public JobProgress? Progress { get; set; }
    }
}
